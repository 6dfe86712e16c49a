/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ms = (value: number) => (Number.isNaN(value) ? "n/a" : `${Math.round(value)} ms`).padStart(8);

/** `label  n  p50  p95  max  [baseline p95]  target`. */
export function formatLatency(label: string, values: readonly number[], target: string, baseline?: { readonly label: string; readonly values: readonly number[] }): string {
  const cells = [label.padEnd(40), `n=${values.length}`.padStart(7), `p50 ${ms(percentile(values, 50))}`, `p95 ${ms(percentile(values, 95))}`, `max ${ms(Math.max(...values))}`];
  if (baseline) cells.push(`| ${baseline.label} p95 ${ms(percentile(baseline.values, 95)).trim()}`);
  cells.push(`(target ${target})`);
  return cells.join("  ");
}
