import type { CDPSession, Page } from "playwright-core";
import type { DashboardRun } from "../../test/support/dashboard-run.js";

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`.padStart(9);

/** The newest "apphost-heap N" the AppHost printed (test/fixtures/dashboard-apphost.ts). */
function appHostHeap(run: DashboardRun): number {
  const all = [...run.output().matchAll(/apphost-heap (\d+)/g)];
  return Number(all.at(-1)?.[1] ?? Number.NaN);
}

async function pageHeap(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  return (await cdp.send("Runtime.getHeapUsage")).usedSize;
}

/**
 * Follows the worker's console for `minutes` at its tick rate and prints, every twelfth of the time,
 * the AppHost's heap, the page's JS heap (both after a GC), the lines the page holds and its DOM rows.
 * Ends with the change of both heaps from the first sample after the cap was reached to the last.
 */
export async function soak(page: Page, run: DashboardRun, minutes: number, cap: number, linesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${run.origin}/#/logs/worker`);
  await page.locator(".log-row").first().waitFor();
  const started = Date.now();
  const capReachedAt = started + ((cap / linesPerSecond) * 1000) * 1.5;
  const samples: { at: number; host: number; page: number }[] = [];
  const every = (minutes * 60_000) / 12;
  console.log(`soak: ${minutes} min at ${linesPerSecond} lines/s, retention ${cap} lines (reached after ~${Math.round(cap / linesPerSecond)} s)`);
  console.log(`${"t".padStart(7)}  ${"AppHost heap".padStart(12)}  ${"page JS heap".padStart(12)}  ${"held".padStart(6)}  ${"DOM rows".padStart(8)}`);
  for (let i = 0; i <= 12; i++) {
    if (i > 0) await page.waitForTimeout(Math.max(0, started + i * every - Date.now()));
    const held = Number(await page.locator(".log-viewport").getAttribute("data-rows"));
    const rows = await page.locator(".log-row").count();
    const sample = { at: Date.now(), host: appHostHeap(run), page: await pageHeap(cdp) };
    samples.push(sample);
    console.log(`${`${Math.round((sample.at - started) / 1000)} s`.padStart(7)}  ${MB(sample.host).padStart(12)}  ${MB(sample.page).padStart(12)}  ${String(held).padStart(6)}  ${String(rows).padStart(8)}`);
  }
  const steady = samples.find((sample) => sample.at >= capReachedAt) ?? samples[0]!;
  const last = samples.at(-1)!;
  const change = (from: number, to: number) => `${to >= from ? "+" : ""}${(((to - from) / from) * 100).toFixed(1)}%`;
  console.log(`soak: from ${Math.round((steady.at - started) / 1000)} s (cap reached) to the end: AppHost heap ${MB(steady.host).trim()} → ${MB(last.host).trim()} (${change(steady.host, last.host)}), page JS heap ${MB(steady.page).trim()} → ${MB(last.page).trim()} (${change(steady.page, last.page)})`);
}
