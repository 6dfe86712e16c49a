// The floor: the same servers started by parallel `docker run`, each polled with a real client
// every 100 ms until a dependent could connect, then the dependent started and answering.
import path from "node:path";
import { httpAnswers, pollUntil, postgresAnswers, rabbitMQAnswers, redisAnswers } from "./readiness.js";
import { BENCH_DIR, docker, FLOOR_LABEL, freePort, interrupt, removeFloorContainers, spawnNode } from "./processes.js";
import type { ServerSpec } from "./servers.js";

const CLIENT_POLL_MS = 100;
export const DEPENDENT_POLL_MS = 20;
export const DEPENDENT_SCRIPT = path.join(BENCH_DIR, "dependent.mjs");

/** How a dependent reaches each of the bench's servers on `port`; the database is created by the image's entrypoint. */
const CLIENTS: Record<string, { readonly variable: string; readonly extraEnv: Record<string, string>; readonly url: (spec: ServerSpec, port: number) => string; readonly answers: (url: string) => Promise<void> }> = {
  postgres: {
    variable: "ConnectionStrings__appdb",
    extraEnv: { POSTGRES_DB: "appdb" },
    url: (spec, port) => `postgresql://${spec.env["POSTGRES_USER"]}:${spec.env["POSTGRES_PASSWORD"]}@127.0.0.1:${port}/appdb`,
    answers: postgresAnswers,
  },
  cache: {
    variable: "ConnectionStrings__cache",
    extraEnv: {},
    url: (spec, port) => `redis://:${spec.args.at(-1)}@127.0.0.1:${port}`,
    answers: redisAnswers,
  },
  messaging: {
    variable: "ConnectionStrings__messaging",
    extraEnv: {},
    url: (spec, port) => `amqp://${spec.env["RABBITMQ_DEFAULT_USER"]}:${spec.env["RABBITMQ_DEFAULT_PASS"]}@127.0.0.1:${port}`,
    answers: rabbitMQAnswers,
  },
};

async function startServer(spec: ServerSpec): Promise<[string, string]> {
  const client = CLIENTS[spec.name];
  if (!client) throw new Error(`the floor does not know how to reach '${spec.name}'`);
  const port = await freePort();
  const env = Object.entries({ ...spec.env, ...client.extraEnv }).flatMap(([key, value]) => ["-e", `${key}=${value}`]);
  await docker("run", "-d", "--label", FLOOR_LABEL, "-p", `127.0.0.1:${port}:${spec.targetPort}`, ...env, spec.image, ...spec.args);
  const url = client.url(spec, port);
  await pollUntil(() => client.answers(url), CLIENT_POLL_MS);
  return [client.variable, url];
}

/** One floor run: milliseconds from the first `docker run` to the dependent answering. */
export async function runFloor(servers: readonly ServerSpec[]): Promise<number> {
  const started = performance.now();
  try {
    const connections = Object.fromEntries(await Promise.all(servers.map(startServer)));
    const port = await freePort();
    const dependent = spawnNode([DEPENDENT_SCRIPT], { ...process.env, ...connections, PORT: String(port) });
    try {
      await pollUntil(() => httpAnswers(`http://127.0.0.1:${port}/`), DEPENDENT_POLL_MS);
      return performance.now() - started;
    } finally {
      await interrupt(dependent);
    }
  } finally {
    await removeFloorContainers();
  }
}
