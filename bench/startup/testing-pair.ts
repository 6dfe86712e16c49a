// Tests' start-up: `startTestApp` of a Postgres database and a Redis, against the same two images
// started by raw Testcontainers (parallel start(), log-message waits); each until both answer a
// real client.
import { startTestApp } from "@bosun/testing";
import { GenericContainer, getContainerRuntimeClient, getReaper, Wait, type StartedTestContainer } from "testcontainers";
import { BENCH_DIR } from "./processes.js";
import { postgresAnswers, redisAnswers } from "./readiness.js";
import type { ServerSpec } from "./servers.js";

/**
 * Testcontainers finds the engine and sets up its reaper once per process (under a file lock that
 * concurrent first starts wait for); neither side's first run should pay for it alone.
 */
export async function warmUpTestcontainers(): Promise<void> {
  await getReaper(await getContainerRuntimeClient());
}

/** Milliseconds from `startTestApp` to both clients answering; the app is stopped afterwards. */
export async function runStartTestApp(): Promise<number> {
  const started = performance.now();
  const app = await startTestApp(
    (builder) => {
      builder.addPostgres("postgres").addDatabase("appdb");
      builder.addRedis("cache");
    },
    { appHostDirectory: BENCH_DIR },
  );
  try {
    await Promise.all([postgresAnswers(app.connectionString("appdb")), redisAnswers(app.connectionString("cache"))]);
    return performance.now() - started;
  } finally {
    await app.stop();
  }
}

/** Milliseconds from the two `start()` calls to both clients answering; the containers are removed afterwards. */
export async function runRawTestcontainers(postgres: ServerSpec, redis: ServerSpec): Promise<number> {
  const started = performance.now();
  const containers = await Promise.allSettled([
    new GenericContainer(postgres.image)
      .withEnvironment({ ...postgres.env, POSTGRES_DB: "appdb" })
      .withExposedPorts(postgres.targetPort)
      // The entrypoint's temporary server logs it first, the real one second.
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start(),
    new GenericContainer(redis.image)
      .withCommand([...redis.args])
      .withExposedPorts(redis.targetPort)
      .withWaitStrategy(Wait.forLogMessage(/Ready to accept connections/))
      .start(),
  ]);
  const running = containers.flatMap((c) => (c.status === "fulfilled" ? [c.value] : []));
  try {
    const failed = containers.find((c): c is PromiseRejectedResult => c.status === "rejected");
    if (failed) throw failed.reason;
    const [pg, cache] = running as [StartedTestContainer, StartedTestContainer];
    const pgUrl = `postgresql://${postgres.env["POSTGRES_USER"]}:${postgres.env["POSTGRES_PASSWORD"]}@127.0.0.1:${pg.getMappedPort(postgres.targetPort)}/appdb`;
    const redisUrl = `redis://:${redis.args.at(-1)}@127.0.0.1:${cache.getMappedPort(redis.targetPort)}`;
    await Promise.all([postgresAnswers(pgUrl), redisAnswers(redisUrl)]);
    return performance.now() - started;
  } finally {
    await Promise.all(running.map((c) => c.stop({ timeout: 0, removeVolumes: true })));
  }
}
