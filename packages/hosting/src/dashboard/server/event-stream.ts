import type { ServerResponse } from "node:http";
import type { LogStore } from "../log-store.js";
import type { ResourceView, Snapshot } from "../protocol.js";

/** Log lines go out at most this often per client; the first after a quiet spell goes at once. */
const LOG_BATCH_MS = 50;
/** Lines per `logs` event at most, so a replay is sent in pieces. */
const MAX_LINES_PER_EVENT = 1_000;
/** Bytes waiting in a client's socket above which no more log lines are queued until it drains. */
const LOG_HIGH_WATER = 1 << 20;
/** Bytes waiting above which a client is dropped (it resumes by Last-Event-ID when it reconnects). */
const DROP_AT = 8 << 20;

/**
 * One browser's `/api/stream`. It keeps no queue of its own: it remembers the last seq it sent and
 * reads what follows from the store when it flushes, so a slow client costs no memory; the store's
 * retention bounds what it can still catch up on.
 */
export class EventStream {
  #sent: number;
  #timer: NodeJS.Timeout | undefined;
  #lastFlush = 0;
  #waitingForDrain = false;
  #closed = false;
  readonly #unsubscribe: () => void;

  constructor(
    readonly response: ServerResponse,
    readonly store: LogStore,
    snapshot: Snapshot,
    /** Lines after this seq are sent first (Last-Event-ID / ?since=); undefined: only new lines. */
    since: number | undefined,
    readonly onClose: (stream: EventStream) => void,
  ) {
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" });
    response.on("close", () => this.close());
    // A `since` beyond the cursor comes from an earlier run (seqs start again at 1): replay all that is kept.
    this.#sent = since === undefined ? snapshot.logCursor : since > snapshot.logCursor ? 0 : since;
    this.#write(`retry: 1000\nevent: snapshot\nid: ${snapshot.logCursor}\ndata: ${JSON.stringify(snapshot)}\n\n`);
    this.#unsubscribe = store.subscribe(() => this.#schedule());
    this.#schedule();
  }

  resource(view: ResourceView): void {
    this.#write(`event: resource\ndata: ${JSON.stringify(view)}\n\n`);
  }

  ping(): void {
    this.#write(": ping\n\n");
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#unsubscribe();
    this.response.destroy();
    this.onClose(this);
  }

  #schedule(): void {
    if (this.#timer || this.#waitingForDrain || this.#closed || this.#sent >= this.store.cursor) return;
    const wait = Math.max(0, this.#lastFlush + LOG_BATCH_MS - Date.now());
    this.#timer = setTimeout(() => this.#flush(), wait);
  }

  #flush(): void {
    this.#timer = undefined;
    this.#lastFlush = Date.now();
    while (!this.#closed && this.#sent < this.store.cursor) {
      if (this.response.writableLength > LOG_HIGH_WATER) {
        this.#waitingForDrain = true;
        this.response.once("drain", () => {
          this.#waitingForDrain = false;
          this.#schedule();
        });
        return;
      }
      const lines = this.store.since(this.#sent, MAX_LINES_PER_EVENT);
      // Everything after #sent was dropped from retention already: nothing left to send.
      if (lines.length === 0) this.#sent = this.store.cursor;
      else {
        this.#sent = lines.at(-1)!.seq;
        this.#write(`event: logs\nid: ${this.#sent}\ndata: ${JSON.stringify(lines)}\n\n`);
      }
    }
  }

  #write(chunk: string): void {
    if (this.#closed) return;
    if (this.response.writableLength > DROP_AT) return this.close();
    this.response.write(chunk);
  }
}
