// Boots Postgres + a database + Redis + RabbitMQ under a real AppHost (`run`), lets it settle, then
// prints, for the healthy and idle app: the AppHost's CPU share of one core and RSS (against an idle
// bare `node` process measured over the same window: the floor on this machine), each server's log
// lines per minute, and how long the AppHost takes to report a server that stops answering as
// Unhealthy (container paused; RabbitMQ's app stopped inside a running container). Baseline, in a
// second window: the same servers probed as before kept connections (a new connection and login
// per round, every 5 s) by a separate process, whose CPU and added log lines are printed.
//   npm run bench:idle          (needs an engine; set BOSUN_IMAGE_MAP without a registry)
//   BENCH_IDLE_SECONDS=60       length of the idle window (default 30)
//   BENCH_IDLE_SETTLE_SECONDS=0 wait from all healthy to the window (default 30)
//   BENCH_IDLE_MODEL=reference  also the reference stack's services and RabbitMQ's management plugin
//   BENCH_IDLE_PROFILE=<dir>    write the AppHost's CPU profile there (node --cpu-prof)
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureIdle } from "./idle/process-usage.js";
import { docker, interrupt, REPO_ROOT, spawnNode } from "./startup/processes.js";

const WINDOW_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 30) * 1000;
/**
 * From all healthy to the idle window. V8 gives back the young generation start-up grew (about 30 MB
 * of RSS) only after some quiet time, so a shorter wait measures start-up's memory, not idle's.
 */
const SETTLE_MS = Number(process.env.BENCH_IDLE_SETTLE_SECONDS ?? 30) * 1000;
const DETECTION_LIMIT_MS = 90_000;
const SERVERS = ["postgres", "cache", "messaging"] as const;

const tag = `idle-${randomBytes(3).toString("hex")}`;
const container = (server: string) => `${server}-${tag}`;
const env = { ...process.env, BENCH_IDLE_TAG: tag, BOSUN_SECRETS_DIR: mkdtempSync(path.join(os.tmpdir(), "bosun-bench-idle-")) };
const profile = process.env.BENCH_IDLE_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_IDLE_PROFILE] : [];
const appHostScript = path.join(REPO_ROOT, "bench", "idle", "apphost.ts");
const appHost = spawnNode([...profile, "--conditions=bosun-source", "--import", "tsx", appHostScript], env);
const floor = spawnNode(["-e", "setInterval(() => {}, 60_000)"], process.env);

/** Resolves with the time at which the AppHost's output first matches `pattern` after `from` characters. */
function whenPrinted(pattern: RegExp, from = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`not printed within ${DETECTION_LIMIT_MS / 1000} s: ${pattern}\n${appHost.output()}`)), DETECTION_LIMIT_MS);
    const check = () => {
      if (!pattern.test(appHost.output().slice(from))) return;
      clearTimeout(deadline);
      appHost.child.stdout?.off("data", check);
      resolve(performance.now());
    };
    appHost.child.stdout?.on("data", check);
    check();
  });
}

const healthLine = (server: string, health: "Healthy" | "Unhealthy") => new RegExp(`\\] ${server}\\s+Running\\s+${health}`);

/** Seconds from `act` until the AppHost reports `server` Unhealthy; `undo` then brings it back. */
async function detection(server: string, act: string[], undo: string[]): Promise<number> {
  const from = appHost.output().length;
  const unhealthy = whenPrinted(healthLine(server, "Unhealthy"), from);
  let started = performance.now();
  await retried(() => {
    started = performance.now();
    return docker(...act);
  });
  const seconds = ((await unhealthy) - started) / 1000;
  const healthyAgain = whenPrinted(healthLine(server, "Healthy"), appHost.output().length);
  await docker(...undo);
  await healthyAgain;
  return seconds;
}

/** The servers' connection strings as seen from the host, from the AppHost's secrets file and the published ports. */
async function connectionStrings(): Promise<NodeJS.ProcessEnv> {
  const [file] = readdirSync(env.BOSUN_SECRETS_DIR!).filter((name) => name.endsWith(".json"));
  const secrets = JSON.parse(readFileSync(path.join(env.BOSUN_SECRETS_DIR!, file!), "utf8")) as Record<string, string>;
  const port = async (server: string, target: number) => (await docker("port", container(server), `${target}/tcp`)).split("\n")[0]!.split(":").pop();
  const password = (server: string) => encodeURIComponent(secrets[`${server}-password`]!);
  return {
    BENCH_PG: `postgresql://postgres:${password("postgres")}@127.0.0.1:${await port("postgres", 5432)}/postgres`,
    BENCH_REDIS: `redis://:${password("cache")}@127.0.0.1:${await port("cache", 6379)}`,
    BENCH_AMQP: `amqp://guest:${password("messaging")}@127.0.0.1:${await port("messaging", 5672)}`,
  };
}

/** Under heavy load the engine sometimes fails to freeze a container at once ("unable to freeze"); a second try works. */
async function retried<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

async function logLinesPerMinute(server: string, since: Date, until: Date): Promise<number> {
  const text = await docker("logs", "--since", since.toISOString(), "--until", until.toISOString(), container(server)).catch(() => "");
  return (text === "" ? 0 : text.split("\n").length) / ((until.getTime() - since.getTime()) / 60_000);
}

try {
  await whenPrinted(/press Ctrl-C to stop/);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const since = new Date();
  const [idle, bare] = await Promise.all([measureIdle(appHost.child.pid!, WINDOW_MS), measureIdle(floor.child.pid!, WINDOW_MS)]);
  const until = new Date();
  const lines = await Promise.all(SERVERS.map((server) => logLinesPerMinute(server, since, until)));
  console.log(`idle AppHost over ${WINDOW_MS / 1000} s    CPU ${idle.cpuPercent.toFixed(2)} % of a core (${idle.ticks} ticks)   RSS ${idle.rssMb.toFixed(0)} MB`);
  console.log(`idle bare node (floor)      CPU ${bare.cpuPercent.toFixed(2)} % of a core (${bare.ticks} ticks)   RSS ${bare.rssMb.toFixed(0)} MB`);
  console.log(`server log lines per minute ${SERVERS.map((s, i) => `${s} ${lines[i]!.toFixed(1)}`).join("   ")}`);
  const prober = spawnNode(["--conditions=bosun-source", "--import", "tsx", path.join(REPO_ROOT, "bench", "idle", "fresh-prober.ts")], { ...process.env, ...(await connectionStrings()) });
  try {
    const baselineSince = new Date();
    const baseline = await measureIdle(prober.child.pid!, WINDOW_MS);
    const baselineLines = await Promise.all(SERVERS.map((server) => logLinesPerMinute(server, baselineSince, new Date())));
    if (prober.output().includes("probe failed")) throw new Error(`the baseline's probes failed:\n${prober.output()}`);
    console.log(`baseline: a connection per round every 5 s (as before), in a process of its own`);
    console.log(`  prober process             CPU ${baseline.cpuPercent.toFixed(2)} % of a core (${baseline.ticks} ticks)   RSS ${baseline.rssMb.toFixed(0)} MB`);
    console.log(`  server log lines per minute ${SERVERS.map((s, i) => `${s} ${(baselineLines[i]! - lines[i]!).toFixed(1)} more`).join("   ")}`);
  } finally {
    prober.child.kill();
  }
  for (const server of SERVERS) {
    const seconds = await detection(server, ["pause", container(server)], ["unpause", container(server)]);
    console.log(`${server} paused: reported Unhealthy after ${seconds.toFixed(1)} s`);
  }
  const stopApp = (command: string) => ["exec", container("messaging"), "rabbitmqctl", command];
  const seconds = await detection("messaging", stopApp("stop_app"), stopApp("start_app"));
  console.log(`messaging app stopped (rabbitmqctl stop_app): reported Unhealthy after ${seconds.toFixed(1)} s`);
} finally {
  floor.child.kill();
  await interrupt(appHost);
}
