// The idle bench's AppHost, run as a user runs an AppHost (`run`, status lines on stdout): Postgres
// with a database, Redis and RabbitMQ; with BENCH_IDLE_MODEL=reference also what the reference
// stack adds (RabbitMQ's management plugin, the auth-api and gateway services with their /health
// checks), on free ports (not the Next.js front end and pgAdmin: too heavy to run in a bench).
// Containers are named `<resource>-<BENCH_IDLE_TAG>` so the bench can find, pause and stop them.
//   BENCH_IDLE_TAG=<tag> node --conditions=bosun-source --import tsx bench/idle/apphost.ts
import path from "node:path";
import { createBuilder } from "bosun";

const tag = process.env.BENCH_IDLE_TAG ?? "bench-idle";
const examples = path.join(import.meta.dirname, "..", "..", "examples", "ecommerce");
const builder = createBuilder({ appName: "bench-idle" });
const db = builder.addPostgres("postgres").withContainerName(`postgres-${tag}`).addDatabase("appdb");
const cache = builder.addRedis("cache").withContainerName(`cache-${tag}`);
const messaging = builder.addRabbitMQ("messaging").withContainerName(`messaging-${tag}`);
if (process.env.BENCH_IDLE_MODEL === "reference") {
  messaging.withManagementPlugin();
  const authApi = builder
    .addNodeApp("auth-api", path.join(examples, "auth-api"), "src/index.ts")
    .withHttpEndpoint({ env: "PORT" })
    .withHttpHealthCheck("/health")
    .withReference(db)
    .withReference(cache)
    .withReference(messaging)
    .waitFor(db)
    .waitFor(cache)
    .waitFor(messaging);
  builder
    .addNodeApp("gateway", path.join(examples, "gateway"), "src/index.ts")
    .withHttpEndpoint({ env: "PORT" })
    .withHttpHealthCheck("/health")
    .withReference(authApi)
    .waitFor(authApi);
}
await builder.build().run();
