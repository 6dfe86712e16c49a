// In-page instrumentation for bench/dashboard.bench.ts, installed before the page's own script on
// every navigation. Times are taken in a requestAnimationFrame after the DOM changed (the frame that
// paints it). Kept as a string: the bench compiles without the DOM library.

/** What the probe collects; read with page.evaluate("window.__bench"). */
export interface ProbeReadings {
  /** ms from navigation start until ≥ `rowsWanted` resource rows were painted. */
  readonly firstRowsAt?: number;
  /** ms from a tick's `at=` (the worker's clock) until its row was painted, for ticks written after `logsSince`. */
  readonly logLatencies: number[];
  /** Resource name → [state, epoch ms painted] in order. */
  readonly states: Record<string, [string, number][]>;
  /** ms from a click's event time until what it changed was painted. */
  readonly clickLatencies: number[];
  /** Most `.log-row` elements seen in the DOM at once (sampled every 50 ms). */
  readonly maxRows: number;
  /** Epoch ms; set by the bench when it starts timing log lines (older lines are history, not latency). */
  readonly logsSince: number;
}

export function pageProbe(rowsWanted: number): string {
  return `(() => {
  const bench = { firstRowsAt: undefined, logsSince: Number.MAX_SAFE_INTEGER, logLatencies: [], states: {}, clickLatencies: [], maxRows: 0 };
  window.__bench = bench;
  const seen = new Set();
  let pending = [];
  addEventListener("click", (event) => {
    const label = event.target.closest("button")?.getAttribute("aria-label") || "";
    pending.push({ at: event.timeStamp, resource: label.split(" ").slice(1).join(" ") });
  }, true);
  const painted = (record) => requestAnimationFrame(() => record(performance.now(), Date.now()));
  new MutationObserver((mutations) => {
    if (bench.firstRowsAt === undefined && document.querySelectorAll("tr[data-resource]").length >= ${rowsWanted}) {
      bench.firstRowsAt = -1;
      painted((now) => (bench.firstRowsAt = now));
    }
    for (const mutation of mutations) {
      if (mutation.type === "attributes") {
        const element = mutation.target;
        const resource = element.getAttribute("data-resource") || "";
        const state = element.getAttribute("data-state");
        const clicks = pending.filter((click) => mutation.attributeName === "aria-pressed" ? click.resource === "" : click.resource === resource);
        pending = pending.filter((click) => !clicks.includes(click));
        painted((now, epoch) => {
          if (state && mutation.attributeName === "data-state") (bench.states[resource] ??= []).push([state, epoch]);
          for (const click of clicks) bench.clickLatencies.push(now - click.at);
        });
        continue;
      }
      for (const node of mutation.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        const rows = node.classList.contains("log-row") ? [node] : node.querySelectorAll ? [...node.querySelectorAll(".log-row")] : [];
        for (const row of rows) {
          const seq = row.dataset.seq;
          if (seen.has(seq)) continue;
          seen.add(seq);
          const at = / at=(\\d+)/.exec(row.textContent || "");
          if (at && Number(at[1]) >= bench.logsSince) painted((now, epoch) => bench.logLatencies.push(epoch - Number(at[1])));
        }
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-state", "aria-pressed"] });
  setInterval(() => (bench.maxRows = Math.max(bench.maxRows, document.querySelectorAll(".log-row").length)), 50);
})();`;
}
