/**
 * Splits a byte stream into lines: complete lines go out as they arrive, a trailing partial line
 * waits for its end (or for `flush`). Handles `\n` and `\r\n`, and characters split across chunks.
 */
export class LineSplitter {
  readonly #decoder = new TextDecoder("utf-8");
  readonly #onLine: (line: string) => void;
  #pending = "";

  constructor(onLine: (line: string) => void) {
    this.#onLine = onLine;
  }

  push(chunk: Uint8Array): void {
    this.#pending += this.#decoder.decode(chunk, { stream: true });
    let newline = this.#pending.indexOf("\n");
    while (newline !== -1) {
      this.#onLine(this.#pending.slice(0, newline).replace(/\r$/, ""));
      this.#pending = this.#pending.slice(newline + 1);
      newline = this.#pending.indexOf("\n");
    }
  }

  flush(): void {
    this.#pending += this.#decoder.decode();
    if (this.#pending !== "") this.#onLine(this.#pending.replace(/\r$/, ""));
    this.#pending = "";
  }
}
