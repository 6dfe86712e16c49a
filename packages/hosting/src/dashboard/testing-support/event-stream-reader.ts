import { request, type IncomingMessage } from "node:http";
import type { LogLine, ResourceView, Snapshot } from "../protocol.js";

export interface StreamEvent {
  readonly event: string;
  readonly id?: string;
  readonly data: unknown;
}

/** A test's /api/stream connection: every event received, parsed. */
export class EventStreamReader {
  readonly events: StreamEvent[] = [];
  #buffer = "";
  readonly #waiters = new Set<() => void>();

  private constructor(readonly response: IncomingMessage) {
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => this.#take(chunk));
  }

  /** Opens the stream; resolves with the response (not yet the events) whatever its status. */
  static open(port: number, headers: Readonly<Record<string, string>>, query = ""): Promise<EventStreamReader> {
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: "127.0.0.1", port, path: `/api/stream${query}`, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (response) => resolve(new EventStreamReader(response)));
      outgoing.on("error", reject);
      outgoing.end();
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  snapshot(): Snapshot | undefined {
    return this.events.find((e) => e.event === "snapshot")?.data as Snapshot | undefined;
  }

  lines(): LogLine[] {
    return this.events.filter((e) => e.event === "logs").flatMap((e) => e.data as LogLine[]);
  }

  resources(): ResourceView[] {
    return this.events.filter((e) => e.event === "resource").map((e) => e.data as ResourceView);
  }

  /** Resolves once `done()` is true for what arrived; rejects after `ms`. */
  until(done: () => boolean, what: string, ms = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        this.#waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`still waiting after ${ms} ms for ${what}; received ${this.events.map((e) => e.event).join(", ")}`));
      }, ms);
      this.#waiters.add(check);
      check();
    });
  }

  close(): void {
    this.response.destroy();
  }

  #take(chunk: string): void {
    this.#buffer += chunk;
    let end: number;
    while ((end = this.#buffer.indexOf("\n\n")) >= 0) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
      }
      const data = fields.get("data");
      if (data === undefined) continue;
      this.events.push({ event: fields.get("event") ?? "message", ...(fields.has("id") ? { id: fields.get("id")! } : {}), data: JSON.parse(data) });
    }
    for (const wake of this.#waiters) wake();
  }
}
