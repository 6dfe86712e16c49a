// The floor of a snapshot and a restore: the same steps on the same volume straight through the
// engine API, with nothing of bosun's own around them: stop the server's container, run a helper of
// the same image with tar and gzip -1 (as bosun does), start the container, poll with a real client
// every 100 ms until it answers.
import { randomBytes } from "node:crypto";
import type { EngineClient } from "@bosun/hosting/runtime";
import { pollUntil, postgresAnswers } from "../startup/readiness.js";

const CLIENT_POLL_MS = 100;
const DATA = "/var/lib/postgresql/data";

export interface FloorServer {
  readonly engine: EngineClient;
  readonly image: string;
  readonly volume: string;
  readonly folder: string;
  /** The connection string with a `{port}` placeholder for the published port. */
  readonly connectionString: string;
  readonly env: Record<string, string>;
}

/** Times one snapshot and one restore of the volume; each includes the server answering again. */
export async function runFloor(server: FloorServer): Promise<{ snapshot: number; restore: number }> {
  const { engine } = server;
  const id = await engine.containers.create({
    name: `bosun-snapshot-floor-${randomBytes(3).toString("hex")}`,
    image: server.image,
    env: server.env,
    labels: {},
    ports: [{ containerPort: 5432 }],
    mounts: [{ type: "volume", source: server.volume, target: DATA }],
    stopSignal: "SIGINT",
  });
  try {
    await engine.containers.start(id);
    const url = async () => server.connectionString.replace("{port}", String((await engine.containers.inspect(id))!.ports[0]!.hostPort));
    await pollUntil(async () => postgresAnswers(await url()), CLIENT_POLL_MS);
    const snapshot = await timed(async () => {
      await engine.containers.stop(id, { timeoutSeconds: 30 });
      await helper(server, true, "(tar -cf - -C /volume . || echo failed > /tmp/tar-failed) | gzip -1 > /snapshot/floor.tar.gz && [ ! -e /tmp/tar-failed ]");
      await engine.containers.start(id);
      await pollUntil(async () => postgresAnswers(await url()), CLIENT_POLL_MS);
    });
    const restore = await timed(async () => {
      await engine.containers.stop(id, { timeoutSeconds: 30 });
      await helper(server, false, "find /volume -mindepth 1 -maxdepth 1 -exec rm -rf {} + && tar -xzf /snapshot/floor.tar.gz -C /volume");
      await engine.containers.start(id);
      await pollUntil(async () => postgresAnswers(await url()), CLIENT_POLL_MS);
    });
    return { snapshot, restore };
  } finally {
    await engine.containers.remove(id, { force: true, removeVolumes: true });
  }
}

async function helper(server: FloorServer, readOnlyVolume: boolean, script: string): Promise<void> {
  const id = await server.engine.containers.create({
    name: `bosun-snapshot-floor-helper-${randomBytes(3).toString("hex")}`,
    image: server.image,
    entrypoint: ["sh", "-c"],
    cmd: [script],
    user: "0:0",
    env: {},
    labels: {},
    ports: [],
    mounts: [
      { type: "volume", source: server.volume, target: "/volume", readOnly: readOnlyVolume },
      { type: "bind", source: server.folder, target: "/snapshot", readOnly: !readOnlyVolume },
    ],
  });
  try {
    await server.engine.containers.start(id);
    const code = await server.engine.containers.wait(id);
    if (code !== 0) throw new Error(`the floor's helper ended with ${code}: ${script}`);
  } finally {
    await server.engine.containers.remove(id, { force: true, removeVolumes: true });
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
