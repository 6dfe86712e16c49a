import type { LogLine } from "./protocol.js";

/** The newest `capacity` lines of one resource, oldest first; seqs ascend. */
export class LogRing {
  readonly #lines: (LogLine | undefined)[];
  /** Index of the oldest line. */
  #start = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    this.#lines = new Array<LogLine | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  push(line: LogLine): void {
    if (this.#size < this.capacity) {
      this.#lines[(this.#start + this.#size) % this.capacity] = line;
      this.#size++;
      return;
    }
    this.#lines[this.#start] = line;
    this.#start = (this.#start + 1) % this.capacity;
  }

  at(index: number): LogLine {
    return this.#lines[(this.#start + index) % this.capacity]!;
  }

  /** The index of the first line whose seq is greater than `seq` (size when none). */
  indexAfter(seq: number): number {
    let low = 0;
    let high = this.#size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.at(middle).seq <= seq) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
