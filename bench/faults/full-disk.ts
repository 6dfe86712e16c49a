import { execFile } from "node:child_process";
import { mkdirSync, rmdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { EngineClient } from "@bosun/hosting/runtime";
import { sleep, timeLimit, type AppHostProcess } from "./support/app-host-process.js";
import type { Check } from "./support/checks.js";
import { FIXTURES, HEALTHY, writerApp } from "./support/fault-app.js";

const run = promisify(execFile);
const SMALL = "96m";
const LARGER = "512m";

export interface FullDiskResult {
  readonly checks: Check[];
  readonly committedBefore: number;
  readonly lost: number;
  /** 1-MB inserts Postgres took before it refused. */
  readonly filledMb: number;
  /** From the remount to the writer's first 200 (including `restart postgres` when it exited). */
  readonly recoverSeconds: number | undefined;
}

/**
 * (d) Postgres on a small tmpfs volume fills up: writes are refused, the writer answers 503, and
 * once the volume is given more room (remounted larger) every row committed before is still there
 * and writes succeed again. The tmpfs is the suite's own mount, bound into a named volume, so it
 * outlives the container (Docker's own tmpfs volumes are unmounted, and emptied, when Postgres
 * exits, which it does on a full WAL: PANIC, exit code 1); Postgres is then restarted with the
 * AppHost's `restart postgres` command.
 */
export async function fullDisk(engine: EngineClient, volume: string): Promise<FullDiskResult> {
  const mountpoint = `/run/bosun-faults/${volume}`;
  mkdirSync(mountpoint, { recursive: true });
  await run("mount", ["-t", "tmpfs", "-o", `size=${SMALL}`, "tmpfs", mountpoint]);
  await run("docker", ["volume", "create", "--opt", "type=none", "--opt", "o=bind", "--opt", `device=${mountpoint}`, volume]);
  const app = writerApp("disk", volume);
  const appHost = app.start();
  const checks: Check[] = [];
  let committedBefore = 0;
  let lost = 0;
  let filledMb = 0;
  let recoverSeconds: number | undefined;
  try {
    await appHost.waitFor(HEALTHY, 180_000);
    const writer = Number((await appHost.waitFor(/writer \(http\): http:\/\/localhost:(\d+)/, 10_000))[1]);
    for (let i = 0; i < 20; i += 1) await write(writer);
    committedBefore = app.committed().length;

    const filled = await fill(app, appHost);
    filledMb = filled.inserts;
    checks.push({ name: "full disk: Postgres refuses writes once the volume is full", passed: filled.refused, detail: filled.detail });
    const status = await write(writer).catch(() => 0);
    checks.push({ name: "full disk: the service answers 503 meanwhile", passed: status === 503, detail: `HTTP ${status}` });
    const crashed = /writer +Exited.*/.exec(appHost.text());
    checks.push({ name: "full disk: the service keeps running while its database is gone", passed: crashed === null, detail: crashed?.[0] ?? "no exit reported" });

    await run("mount", ["-o", `remount,size=${LARGER}`, mountpoint]);
    const remounted = Date.now();
    const exited = /postgres +Exited/.test(appHost.text());
    if (exited) await run(process.execPath, ["--conditions=bosun-source", "--import", "tsx", join(FIXTURES, "writer-apphost.ts"), "restart", "postgres"], { env: { ...process.env, FAULTS_DIR: app.directory, FAULTS_VOLUME: volume } });
    let recovered = 0;
    for (const deadline = Date.now() + 90_000; Date.now() < deadline && recovered !== 200; await sleep(1_000)) recovered = await write(writer).catch(() => 0);
    if (recovered === 200) recoverSeconds = (Date.now() - remounted) / 1000;
    checks.push({ name: "full disk: writes succeed again once space returns", passed: recovered === 200, detail: recovered === 200 ? `HTTP 200 after ${recoverSeconds!.toFixed(1)} s${exited ? " (Postgres had exited: restarted)" : ""}` : `HTTP ${recovered}` });

    const client = await app.connect(appHost);
    try {
      const { rows } = await client.query<{ n: number }>("SELECT DISTINCT n FROM numbered");
      const present = new Set(rows.map((row) => row.n));
      lost = app.committed().filter((n) => !present.has(n)).length;
    } finally {
      await client.end();
    }
    checks.push({ name: "full disk: nothing committed before is lost", passed: lost === 0, detail: `${lost} of ${app.committed().length} lost` });
  } catch (error) {
    checks.push({ name: "full disk: the scenario ran to its end", passed: false, detail: `${(error as Error).message.slice(0, 400)}\n${appHost.text().slice(-1500)}` });
  } finally {
    appHost.child.kill("SIGINT");
    await Promise.race([appHost.exited, timeLimit(60_000)]);
    appHost.child.kill("SIGKILL");
    await engine.volumes.remove(volume).catch(() => {});
    await run("umount", [mountpoint]).then(() => rmdirSync(mountpoint)).catch(() => {});
  }
  return { checks, committedBefore, lost, filledMb, recoverSeconds };
}

async function write(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/write`, { method: "POST", signal: AbortSignal.timeout(30_000) });
  await response.text();
  return response.status;
}

/** Inserts incompressible rows until Postgres refuses; says how it refused. */
async function fill(app: ReturnType<typeof writerApp>, appHost: AppHostProcess): Promise<{ refused: boolean; detail: string; inserts: number }> {
  const client = await app.connect(appHost);
  client.on("error", () => {});
  let inserts = 0;
  try {
    await client.query("CREATE TABLE IF NOT EXISTS filler (b text)");
    for (let i = 0; i < 400; i += 1) {
      await client.query("INSERT INTO filler SELECT string_agg(md5(random()::text), '') FROM generate_series(1, 4000) CROSS JOIN generate_series(1, 8) AS copies GROUP BY copies");
      inserts += 1;
    }
    return { refused: false, detail: "400 inserts of 1 MB went through", inserts };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { refused: true, detail: `${code ?? "no code"}: ${message}`, inserts };
  } finally {
    await client.end().catch(() => {});
  }
}
