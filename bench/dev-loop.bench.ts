// Save → the new code answering on the same port, 10 saves each, for a plain Node app and for a copy
// of the reference auth-api (with Postgres, Redis and RabbitMQ), through the same file watcher `run
// --watch` uses. A dependent Node app checks that its process is never restarted.
//   npm run bench:dev-loop            (needs an engine; set BOSUN_IMAGE_MAP without a registry)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBuilder, type AppBuilder } from "bosun";
import { watchApps } from "@bosun/hosting";

const SAVES = 10;
const REPO = path.join(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "bosun-bench-dev-loop-"));
process.env.BOSUN_SECRETS_DIR = path.join(scratch, "secrets");

/** A server answering its version in a header and its process id in the body. */
function plainServer(version: string): string {
  return `import http from "node:http";
http.createServer((req, res) => res.setHeader("x-version", "${version}").end(String(process.pid))).listen(Number(process.env.PORT), "127.0.0.1");
`;
}

interface Subject {
  readonly name: string;
  readonly target: number;
  /** Adds the watched app and returns its folder and how to write version `n` into it. */
  readonly define: (builder: AppBuilder) => { folder: string; save: (n: number) => void; path: string };
}

function plainApp(): Subject["define"] {
  return (builder) => {
    const folder = mkdtempSync(path.join(scratch, "plain-"));
    const file = path.join(folder, "server.mjs");
    writeFileSync(file, plainServer("0"));
    builder.addNodeApp("app", folder, "server.mjs").withHttpEndpoint({ env: "PORT" }).withHttpHealthCheck("/").withWatch();
    return { folder, save: (n) => writeFileSync(file, plainServer(String(n))), path: "/" };
  };
}

/** A copy of auth-api inside the workspace (its packages resolve from the root node_modules). */
function authApi(): Subject["define"] {
  return (builder) => {
    const folder = path.join(REPO, "bench", `.dev-loop-${process.pid}`, "auth-api");
    mkdirSync(path.dirname(folder), { recursive: true });
    cpSync(path.join(REPO, "examples", "ecommerce", "auth-api"), folder, { recursive: true, filter: (source) => !source.includes("node_modules") });
    const file = path.join(folder, "src", "server", "routes", "operations-routes.ts");
    const original = readFileSync(file, "utf8");
    const marker = '.header("cache-control", "no-store")';
    if (!original.includes(marker)) throw new Error(`${file}: the /health route changed; update the bench's edit`);
    const postgres = builder.addPostgres("postgres");
    const db = postgres.addDatabase("ecommercedb");
    const cache = builder.addRedis("cache");
    const messaging = builder.addRabbitMQ("messaging");
    builder
      .addNodeApp("app", folder, "src/index.ts")
      .withHttpEndpoint({ env: "PORT" })
      .withHttpHealthCheck("/health")
      .withReference(db)
      .withReference(cache)
      .withReference(messaging)
      .waitFor(db)
      .waitFor(cache)
      .waitFor(messaging)
      .withWatch();
    return { folder, save: (n) => writeFileSync(file, original.replace(marker, `${marker}.header("x-version", "${n}")`)), path: "/health" };
  };
}

async function versionAt(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.headers.get("x-version");
  } catch {
    return null;
  }
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[middle]!;
}

async function measure(subject: Subject): Promise<void> {
  const builder = createBuilder({ appHostDirectory: path.join(scratch, "apphost"), appName: `bench-dev-loop-${subject.name}` });
  const watched = subject.define(builder);
  const dependentFolder = mkdtempSync(path.join(scratch, "dependent-"));
  writeFileSync(path.join(dependentFolder, "server.mjs"), plainServer("dependent"));
  const app = builder.resources.find((r) => r.name === "app")!;
  builder.addNodeApp("dependent", dependentFolder, "server.mjs").withHttpEndpoint({ env: "PORT" }).withHttpHealthCheck("/").waitFor(app);
  const running = await builder.build().start();
  try {
    await running.settled;
    const unhealthy = running.resources().filter((r) => r.health !== "Healthy" && !r.name.endsWith("-password"));
    if (unhealthy.length > 0) throw new Error(`not healthy: ${unhealthy.map((r) => `${r.name} (${r.reason})`).join(", ")}`);
    const url = `${running.resource("app").endpoints.http}${watched.path}`;
    const dependentUrl = running.resource("dependent").endpoints.http!;
    const dependentPid = await (await fetch(dependentUrl)).text();
    const watching = await watchApps({ app: running, resources: [app as never], onMessage: () => {} });
    const times: number[] = [];
    // Where each save's time goes: noticing it (quiet time included), stopping the old process, starting the new one.
    const phases = { notice: [] as number[], stop: [] as number[], start: [] as number[] };
    const marks = new Map<string, number>();
    const listening = new AbortController();
    void (async () => {
      for await (const { snapshot, previous } of running.events(listening.signal)) {
        if (snapshot.name === "app" && snapshot.state !== previous.state) marks.set(snapshot.state, performance.now());
      }
    })();
    try {
      for (let n = 1; n <= SAVES; n += 1) {
        marks.clear();
        const saved = performance.now();
        watched.save(n);
        while ((await versionAt(url)) !== String(n)) await new Promise((resolve) => setTimeout(resolve, 10));
        const answered = performance.now();
        times.push(answered - saved);
        const [stopping, starting] = [marks.get("Stopping") ?? saved, marks.get("Starting") ?? saved];
        phases.notice.push(stopping - saved);
        phases.stop.push(starting - stopping);
        phases.start.push(answered - starting);
        await running.waitForHealthy("app");
      }
    } finally {
      watching.close();
      listening.abort();
    }
    const dependentAfter = await (await fetch(dependentUrl)).text();
    const median = medianOf(times);
    const max = Math.max(...times);
    console.log(
      `${subject.name.padEnd(10)} save → new code on the same port: median ${(median / 1000).toFixed(2)} s, max ${(max / 1000).toFixed(2)} s ` +
        `(target ≤ ${subject.target} s; ${SAVES} saves, restarts ${running.resource("app").restarts}); dependent pid ${dependentPid === dependentAfter ? "unchanged" : `CHANGED ${dependentPid} → ${dependentAfter}`}`,
    );
    const ms = (values: number[]) => `${Math.round(medianOf(values))} ms`;
    console.log(`${"".padEnd(10)} medians: notice ${ms(phases.notice)}, stop ${ms(phases.stop)}, start → answering ${ms(phases.start)}`);
  } finally {
    await running.stop();
  }
}

try {
  await measure({ name: "plain", target: 0.7, define: plainApp() });
  await measure({ name: "auth-api", target: 1.5, define: authApi() });
} finally {
  rmSync(path.join(REPO, "bench", `.dev-loop-${process.pid}`), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}
