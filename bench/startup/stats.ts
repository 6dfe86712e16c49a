// Figures of several runs: median and minimum, and how they compare with the floor.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function minimum(values: readonly number[]): number {
  return Math.min(...values);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(8);

/** `label  median  min  [×floor median  ×floor min]  [target]`. */
export function formatRow(label: string, values: readonly number[], floor?: readonly number[], target?: string): string {
  const cells = [label.padEnd(46), seconds(median(values)), seconds(minimum(values))];
  if (floor) cells.push(`${(median(values) / median(floor)).toFixed(2)}×`.padStart(8), `${(minimum(values) / minimum(floor)).toFixed(2)}×`.padStart(8));
  else cells.push("".padStart(8), "".padStart(8));
  if (target) cells.push(`  target ${target}`);
  return cells.join(" ").trimEnd();
}

export function formatHeader(): string {
  return ["".padEnd(46), "median".padStart(8), "min".padStart(8), "÷floor".padStart(8), "(min)".padStart(8)].join(" ");
}
