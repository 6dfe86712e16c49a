// Dashboard bench: npm run bench:dashboard [-- --minutes N]   (needs an engine and Debian's Chromium)
// Against a real `run` of test/fixtures/dashboard-apphost.ts with 21 resources (Redis, a worker
// logging 10 lines/s with timestamps, 18 small processes) and the page in headless Chromium:
// p95 of an AppHost state change → painted, a log line → painted, a command click → its new state
// painted, first paint of the resources, click latency and DOM rows during a 50,000-line burst, then
// a soak at 100 lines/s (default 2 minutes with a proportionally smaller retention; --minutes 60 for
// the hour at 10,000 lines). Baselines of the same run: a plain Node reader of /api/stream, and clicks
// before the burst. Figures only; no timed assertion.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { buildDashboardUi } from "../scripts/lib/build-dashboard-ui.js";
import { launchBrowser } from "../test/support/browser.js";
import { startDashboardRun, type DashboardRun } from "../test/support/dashboard-run.js";
import { pageProbe, type ProbeReadings } from "./dashboard/page-probe.js";
import { soak } from "./dashboard/soak.js";
import { readStream, sendCommand, type StreamEvent } from "./dashboard/sse-client.js";
import { formatLatency } from "./dashboard/stats.js";

const ROOT = path.join(import.meta.dirname, "..");
const { values: flags } = parseArgs({ options: { minutes: { type: "string", default: "2" }, samples: { type: "string", default: "15" } } });
const SOAK_MINUTES = Number(flags.minutes);
const SAMPLES = Number(flags.samples);
const OFFLINE_MAP = path.join(ROOT, "images", "offline", "image-map.json");
if (!process.env.BOSUN_IMAGE_MAP && existsSync(OFFLINE_MAP)) process.env.BOSUN_IMAGE_MAP = OFFLINE_MAP;

const readings = (page: Page) => page.evaluate("window.__bench") as Promise<ProbeReadings>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: ${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}

async function latencies(run: DashboardRun, page: Page, cookie: string): Promise<void> {
  // First paint of the resources page, each from a fresh navigation; baseline: the snapshot reaching a plain reader.
  const paints: number[] = [];
  const snapshots: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await page.goto(`${run.origin}/?paint=${i}#/`);
    await until("the resources' first paint", async () => ((await readings(page)).firstRowsAt ?? -1) > 0);
    paints.push((await readings(page)).firstRowsAt!);
    const abort = new AbortController();
    const asked = Date.now();
    await readStream(run.origin, cookie, (event) => (event.event === "snapshot" ? (snapshots.push(event.at - asked), abort.abort()) : undefined), abort.signal);
  }
  console.log(formatLatency("first paint of 21 resources", paints, "≤ 1000 ms", { label: "snapshot to a plain reader", values: snapshots }));

  // State changes made in the AppHost (restart by POST) → painted in the page / read by a plain reader.
  const events: StreamEvent[] = [];
  const abort = new AbortController();
  void readStream(run.origin, cookie, (event) => events.push(event), abort.signal);
  const changed: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const name = `extra-${String((i % 18) + 1).padStart(2, "0")}`;
    const before = ((await readings(page)).states[name] ?? []).length;
    const sent = Date.now();
    await sendCommand(run.origin, cookie, name, "restart");
    await until(`${name} to show Stopping`, async () => ((await readings(page)).states[name] ?? []).slice(before).some(([state]) => state === "Stopping"));
    await until(`${name} to be Running again`, async () => (await readings(page)).states[name]!.at(-1)![0] === "Running");
    const shown = (await readings(page)).states[name]!.slice(before).find(([state]) => state === "Stopping")!;
    changed.push(shown[1] - sent);
    const seen = events.find((event) => event.at >= sent && event.event === "resource" && event.data.includes(`"name":"${name}"`) && event.data.includes('"state":"Stopping"'));
    if (seen) read.push(seen.at - sent);
  }
  abort.abort();
  console.log(formatLatency("state change → painted", changed, "≤ 250 ms", { label: "plain reader", values: read }));

  // Command clicks → the new state painted.
  for (let i = 0; i < SAMPLES; i++) {
    const name = `extra-${String((i % 18) + 1).padStart(2, "0")}`;
    await page.getByRole("button", { name: `Restart ${name}`, exact: true }).click();
    await until(`${name} to be Running again after a click`, async () => (await readings(page)).clickLatencies.length > i && (await page.locator(`tr[data-resource="${name}"]`).getAttribute("data-state")) === "Running");
  }
  console.log(formatLatency("command click → new state painted", (await readings(page)).clickLatencies, "≤ 250 ms"));

  // Log lines: the worker's `at=` stamp → its row painted (10 lines/s for 10 s); baseline: the same lines read by a plain reader.
  await page.goto(`${run.origin}/#/logs/worker`);
  await page.locator(".log-row").first().waitFor();
  const since = Date.now();
  await page.evaluate(`window.__bench.logsSince = ${since}`);
  const plain: number[] = [];
  const logsAbort = new AbortController();
  void readStream(run.origin, cookie, (event) => {
    if (event.event !== "logs") return;
    for (const line of JSON.parse(event.data) as { text: string }[]) {
      const at = / at=(\d+)/.exec(line.text);
      if (at && Number(at[1]) >= since) plain.push(event.at - Number(at[1]));
    }
  }, logsAbort.signal);
  await sleep(10_000);
  logsAbort.abort();
  console.log(formatLatency("log line → painted", (await readings(page)).logLatencies, "≤ 300 ms", { label: "plain reader", values: plain }));
}

async function burst(run: DashboardRun, page: Page): Promise<void> {
  await page.goto(`${run.origin}/#/logs/worker`);
  await page.locator(".log-row").first().waitFor();
  const toggle = () => page.locator('button[aria-pressed]').click();
  for (let i = 0; i < 6; i++) {
    await toggle();
    await sleep(200);
  }
  const idle = [...(await readings(page)).clickLatencies];
  const started = Date.now();
  await fetch(`${run.endpoint("worker")}/burst?lines=50000&seconds=5`, { signal: AbortSignal.timeout(5_000) });
  let during = 0;
  while (!(await page.locator(".log-row .text", { hasText: "burst done 50000" }).count())) {
    await toggle();
    during += 1;
    await sleep(200);
    if (Date.now() - started > 120_000) throw new Error("bench: the burst's last line did not arrive within 120 s");
  }
  const arrived = Date.now() - started;
  const duringClicks = (await readings(page)).clickLatencies.slice(idle.length);
  for (let i = 0; i < 6; i++) {
    await toggle();
    await sleep(200);
  }
  const after = (await readings(page)).clickLatencies.slice(idle.length + duringClicks.length);
  const { maxRows } = await readings(page);
  const held = await page.locator(".log-viewport").getAttribute("data-rows");
  console.log(formatLatency("click during the 50,000-line burst", duringClicks, "≤ 200 ms", { label: "idle clicks", values: idle }));
  console.log(formatLatency("click after the burst", after, "≤ 200 ms"));
  console.log(`burst: last line painted ${(arrived / 1000).toFixed(1)} s after the burst began (${during} clicks during it); most .log-row elements in the DOM at once ${maxRows} (limit 2,000); worker lines held by the page ${held} (retention 10,000)`);
}

const run = await startDashboardRun({ extra: 18, tickMs: 100, env: { TICK_STAMP: "1", ERR_EVERY: "0" }, startupTimeoutMs: 240_000 });
await buildDashboardUi(ROOT);
const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
try {
  await browser.context.addInitScript(pageProbe(20));
  const page = browser.page;
  await page.goto(run.loginUrl);
  const cookie = (await browser.context.cookies(run.origin)).map((c) => `${c.name}=${c.value}`).join("; ");
  console.log(`dashboard bench: 21 resources, ${SAMPLES} samples each; load average ${(await import("node:os")).loadavg()[0]!.toFixed(1)}`);
  await latencies(run, page, cookie);
  await burst(run, page);
} finally {
  await browser[Symbol.asyncDispose]();
  await run.stop();
}

const cap = SOAK_MINUTES >= 60 ? 10_000 : Math.max(100, Math.round((10_000 * SOAK_MINUTES) / 60));
const soakRun = await startDashboardRun({ tickMs: 10, env: { ERR_EVERY: "0", DASHBOARD_HEAP_MS: "5000" }, nodeArgs: ["--expose-gc"], args: ["--dashboard-log-lines", String(cap)] });
const soakBrowser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
try {
  await soakBrowser.page.goto(soakRun.loginUrl);
  await soak(soakBrowser.page, soakRun, SOAK_MINUTES, cap, 100);
} finally {
  await soakBrowser[Symbol.asyncDispose]();
  await soakRun.stop();
}
