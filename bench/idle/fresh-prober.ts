// The baseline of the idle bench: the servers probed as bosun did before kept connections — a new
// connection and login for every round, every 5 s — by the integrations' own probe functions.
//   BENCH_PG=<uri> BENCH_REDIS=<uri> BENCH_AMQP=<uri> node --conditions=bosun-source --import tsx bench/idle/fresh-prober.ts
import { probePostgres } from "@bosun/postgres";
import { probeRabbitMQ } from "@bosun/rabbitmq";
import { probeRedis } from "@bosun/redis";

const ROUND_MS = 5_000;
const probes = [() => probePostgres(process.env.BENCH_PG!), () => probeRedis(process.env.BENCH_REDIS!), () => probeRabbitMQ(process.env.BENCH_AMQP!)];

setInterval(async () => {
  for (const result of await Promise.allSettled(probes.map((probe) => probe()))) {
    if (result.status === "rejected") console.error(`probe failed: ${String(result.reason)}`);
  }
}, ROUND_MS);
