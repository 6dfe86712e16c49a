import type { LogStream } from "@bosun/hosting/runtime";

/** One line a resource wrote. */
export interface LogLine {
  readonly stream: LogStream;
  readonly text: string;
}

/** Every line each resource wrote during a test app's life, kept in memory for assertions. */
export class LogBook {
  readonly #lines = new Map<string, LogLine[]>();

  constructor(readonly maxLinesPerResource = 10_000) {}

  add(resource: string, stream: LogStream, text: string): void {
    const lines = this.#lines.get(resource) ?? [];
    lines.push({ stream, text });
    if (lines.length > this.maxLinesPerResource) lines.shift();
    this.#lines.set(resource, lines);
  }

  lines(resource: string): LogLine[] {
    return [...(this.#lines.get(resource) ?? [])];
  }

  /** The last `count` lines, indented, to explain a failure. */
  tail(resource: string, count: number): string {
    return this.lines(resource)
      .slice(-count)
      .map((line) => `\n      ${line.text}`)
      .join("");
  }
}
