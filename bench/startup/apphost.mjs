// The bench's AppHost, plain JavaScript so `node` runs it on the compiled packages:
// Postgres with a database, Redis and RabbitMQ, and a dependent that waits for all three.
//   BENCH_LIFETIME=session|persistent  BENCH_DEPENDENT_PORT=<port>  node bench/startup/apphost.mjs [run|manifest|down]
import { createBuilder } from "bosun";

const lifetime = process.env.BENCH_LIFETIME === "persistent" ? "persistent" : "session";
const port = Number(process.env.BENCH_DEPENDENT_PORT) || undefined;

const builder = createBuilder({ appName: "bench-startup" });
const db = builder.addPostgres("postgres").withLifetime(lifetime).addDatabase("appdb");
const cache = builder.addRedis("cache").withLifetime(lifetime);
const messaging = builder.addRabbitMQ("messaging").withLifetime(lifetime);
builder
  .addNodeApp("dependent", import.meta.dirname, "dependent.mjs")
  .withHttpEndpoint(port === undefined ? { env: "PORT" } : { port, env: "PORT" })
  .withHttpHealthCheck("/")
  .withReference(db)
  .withReference(cache)
  .withReference(messaging)
  .waitFor(db)
  .waitFor(cache)
  .waitFor(messaging);

await builder.build().run();
