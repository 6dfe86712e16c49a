import type { LogStreamName } from "../container-client.js";
import { MultiplexedStreamDecoder } from "../multiplexed-stream.js";
import { LineSplitter } from "../output-lines.js";

/** Feeds raw engine output (multiplexed, or plain for TTY containers) into per-stream line callbacks. */
export class StreamOutput {
  readonly #lines: Record<LogStreamName, LineSplitter>;
  readonly #decoder: MultiplexedStreamDecoder | undefined;

  constructor(options: { readonly tty: boolean; readonly onLine: (stream: LogStreamName, line: string) => void }) {
    this.#lines = {
      stdout: new LineSplitter((line) => options.onLine("stdout", line)),
      stderr: new LineSplitter((line) => options.onLine("stderr", line)),
    };
    this.#decoder = options.tty ? undefined : new MultiplexedStreamDecoder((stream, payload) => this.#lines[stream].push(payload));
  }

  push(chunk: Buffer): void {
    if (this.#decoder) this.#decoder.push(chunk);
    else this.#lines.stdout.push(chunk);
  }

  /** Emits unterminated last lines. */
  end(): void {
    this.#lines.stdout.flush();
    this.#lines.stderr.flush();
  }
}
