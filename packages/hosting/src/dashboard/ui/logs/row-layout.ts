/**
 * Where each row of a virtualized list sits, in text lines: a row is one line tall unless wrapping
 * is on, then as many lines as its text needs at the current width (monospace, breaking anywhere).
 */
export class RowLayout {
  /** offsets[i] = text lines above row i; offsets[count] = total. */
  #offsets: number[] = [0];

  constructor(
    private wrap: boolean,
    private columns: number,
  ) {}

  get count(): number {
    return this.#offsets.length - 1;
  }

  get totalLines(): number {
    return this.#offsets[this.#offsets.length - 1]!;
  }

  /** Text lines row `i` takes. */
  linesOf(length: number): number {
    return this.wrap ? Math.max(1, Math.ceil(length / Math.max(1, this.columns))) : 1;
  }

  /** Starts over with these row lengths (characters), e.g. after a filter or wrap change. */
  reset(lengths: readonly number[], wrap = this.wrap, columns = this.columns): void {
    this.wrap = wrap;
    this.columns = columns;
    this.#offsets = [0];
    this.append(lengths);
  }

  append(lengths: readonly number[]): void {
    let total = this.totalLines;
    for (const length of lengths) this.#offsets.push((total += this.linesOf(length)));
  }

  offsetOf(row: number): number {
    return this.#offsets[Math.min(Math.max(row, 0), this.count)]!;
  }

  /** The rows that overlap text lines [firstLine, firstLine + lineCount), plus `overscan` on each side. */
  window(firstLine: number, lineCount: number, overscan: number): { start: number; end: number } {
    const start = Math.max(0, this.#rowAt(firstLine) - overscan);
    const end = Math.min(this.count, this.#rowAt(firstLine + lineCount) + 1 + overscan);
    return { start, end };
  }

  /** The row containing text line `line` (binary search over the offsets). */
  #rowAt(line: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#offsets[middle + 1]! <= line) low = middle + 1;
      else high = middle;
    }
    return Math.min(low, Math.max(0, this.count - 1));
  }
}
