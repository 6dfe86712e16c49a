import type { LogStreamName } from "./container-client.js";

const HEADER_BYTES = 8;

/**
 * Splits the engine's multiplexed attach/log stream (an 8-byte header per frame: stream type,
 * three zero bytes, big-endian payload length) into stdout and stderr payloads.
 * Containers with a TTY send no headers; use `raw` for them.
 */
export class MultiplexedStreamDecoder {
  readonly #onPayload: (stream: LogStreamName, payload: Buffer) => void;
  #buffer: Buffer = Buffer.alloc(0);

  constructor(onPayload: (stream: LogStreamName, payload: Buffer) => void) {
    this.#onPayload = onPayload;
  }

  push(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    while (this.#buffer.length >= HEADER_BYTES) {
      const length = this.#buffer.readUInt32BE(4);
      if (this.#buffer.length < HEADER_BYTES + length) return;
      const type = this.#buffer[0];
      const payload = this.#buffer.subarray(HEADER_BYTES, HEADER_BYTES + length);
      this.#buffer = this.#buffer.subarray(HEADER_BYTES + length);
      // Type 0 is stdin echoed back; it only appears with a TTY-less attach and is treated as stdout.
      this.#onPayload(type === 2 ? "stderr" : "stdout", payload);
    }
  }

  /** Bytes of an unfinished frame left over at the end of the stream (normally none). */
  get pendingBytes(): number {
    return this.#buffer.length;
  }
}
