// The dashboard server's side of the log path, in process: how many lines per second the log store
// takes (with the terminal's redactor), how many the store plus the SSE stream deliver to pages over
// real HTTP (every line checked: none lost, none repeated), and the heap the store holds with
// 10 resources × 10,000 lines, once full and again after ten times as many more lines.
//   npm run bench:log-store  (lives in the package: it measures internal modules)
//   BENCH_LOG_LINES=200000  lines per throughput run (default 200,000)
//   BENCH_LOG_PAGES=3       SSE pages connected at once (default 3)
import { request } from "node:http";
import { setImmediate as nextTurn } from "node:timers/promises";
import { LogStore } from "../src/dashboard/log-store.js";
import type { LogLine } from "../src/dashboard/protocol.js";
import { startDashboard, type DashboardApp } from "../src/dashboard/server/dashboard-server.js";
import { Redactor } from "../src/errors/redactor.js";
import { createBuilder } from "../src/index.js";

const LINES = Number(process.env.BENCH_LOG_LINES ?? 200_000);
const PAGES = Number(process.env.BENCH_LOG_PAGES ?? 3);
const RESOURCES = Array.from({ length: 10 }, (_, i) => `service-${i}`);
const TEXT = "2026-11-29T13:00:00.000Z INFO request handled method=GET path=/api/orders/12345 status=200 duration=3ms";
const gc = (globalThis as { gc?: () => void }).gc;

function redactingStore(retention = 10_000): LogStore {
  const redactor = new Redactor();
  redactor.add(["a-secret-password", "another-secret-value"]);
  return new LogStore({ retention, redact: (text) => redactor.redact(text) });
}

function storeOnly(): number {
  const store = redactingStore();
  const started = performance.now();
  for (let i = 0; i < LINES; i++) store.append(RESOURCES[i % RESOURCES.length]!, i % 10 === 0 ? "stderr" : "stdout", TEXT);
  return LINES / ((performance.now() - started) / 1000);
}

/** A DashboardApp whose resources are values that never change: the bench is about logs. */
function staticApp(): { app: DashboardApp; model: ReturnType<typeof createBuilder>["resources"] } {
  const builder = createBuilder({ appName: "bench" });
  for (const name of RESOURCES) builder.addParameter(name, { value: "x" });
  const snapshot = (name: string) => ({ name, state: "Running" as const, health: "Healthy" as const, endpoints: {}, restarts: 0 });
  const app = {
    resource: snapshot,
    events: async function* () {},
    session: { appHost: { name: "bench", directory: "/tmp", id: "00000000" }, id: "bench", pid: process.pid },
    startedAt: Date.now(),
    environment: () => undefined,
    lastHealthCheck: () => undefined,
    connectionString: () => "",
    startResource: async () => {},
    stopResource: async () => {},
    restartResource: async () => {},
  } as unknown as DashboardApp;
  return { app, model: builder.resources };
}

/** One page's /api/stream: counts lines and checks that seqs follow on one from the other. */
function page(port: number): Promise<{ received: () => number; gaps: () => number; close: () => void }> {
  return new Promise((resolve, reject) => {
    let received = 0;
    let gaps = 0;
    let last = -1;
    let buffer = "";
    const outgoing = request({ host: "127.0.0.1", port, path: "/api/stream", headers: { Host: `127.0.0.1:${port}` } }, (response) => {
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.includes("event: logs")) continue;
          const lines = JSON.parse(block.slice(block.indexOf("data: ") + 6)) as LogLine[];
          for (const line of lines) {
            if (last >= 0 && line.seq !== last + 1) gaps++;
            last = line.seq;
            received++;
          }
        }
      });
      resolve({ received: () => received, gaps: () => gaps, close: () => response.destroy() });
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

async function storeAndStream(): Promise<{ rate: number; gaps: number }> {
  const store = redactingStore(LINES);
  const { app, model } = staticApp();
  const dashboard = await startDashboard({ app, model, store, port: 0, unsecured: true });
  const pages = await Promise.all(Array.from({ length: PAGES }, () => page(dashboard.port)));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  for (let i = 0; i < LINES; i++) {
    store.append(RESOURCES[i % RESOURCES.length]!, "stdout", TEXT);
    // Output arrives in chunks between other work, as from child processes.
    if (i % 500 === 499) await nextTurn();
  }
  while (pages.some((p) => p.received() < LINES)) await new Promise((resolve) => setTimeout(resolve, 5));
  const seconds = (performance.now() - started) / 1000;
  const gaps = pages.reduce((sum, p) => sum + p.gaps(), 0);
  pages.forEach((p) => p.close());
  await dashboard.close();
  return { rate: LINES / seconds, gaps };
}

function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function retainedHeap(): { empty: number; full: number; afterTenTimesMore: number; lines: number } {
  const before = heapMb();
  const store = redactingStore();
  const fill = (count: number) => {
    for (let i = 0; i < count; i++) store.append(RESOURCES[i % RESOURCES.length]!, "stdout", `${TEXT} #${i}`);
  };
  fill(RESOURCES.length * 10_000);
  const full = heapMb();
  fill(RESOURCES.length * 100_000);
  const after = heapMb();
  return { empty: before, full: full - before, afterTenTimesMore: after - before, lines: store.since(0).length };
}

if (!gc) console.log("(run with node --expose-gc for exact heap figures; npm run bench:log-store does)");
const baseline = (() => {
  const kept: string[] = [];
  const started = performance.now();
  for (let i = 0; i < LINES; i++) kept.push(TEXT);
  return LINES / ((performance.now() - started) / 1000);
})();
const store = storeOnly();
const stream = await storeAndStream();
const heap = retainedHeap();
const k = (n: number) => `${Math.round(n / 1000)}k`;
console.log(`lines: ${LINES}, ${RESOURCES.length} resources, ${TEXT.length}-character lines, ${PAGES} SSE pages`);
console.log(`baseline (array push, same run):       ${k(baseline)} lines/s`);
console.log(`log store (ring + redaction):          ${k(store)} lines/s`);
console.log(`store + SSE to ${PAGES} pages over HTTP:    ${k(stream.rate)} lines/s per page, ${stream.gaps} gaps`);
console.log(`heap of the store, 10 × 10,000 lines:  ${heap.full.toFixed(1)} MB (${heap.lines} lines kept)`);
console.log(`after 10 × 100,000 more lines:         ${heap.afterTenTimesMore.toFixed(1)} MB`);
