import { BosunError } from "../errors/bosun-error.js";
import { DEFAULT_LOG_LINES } from "./dashboard-defaults.js";
import { LogRing } from "./log-ring.js";
import type { LogLine, LogStream } from "./protocol.js";

export interface LogStoreOptions {
  /** Lines kept per resource (default 10,000); older ones are dropped. */
  readonly retention?: number;
  /** Replaces secret values in a line (the terminal's redactor); applied before anything is kept. */
  readonly redact?: (text: string) => string;
  readonly now?: () => number;
}

export interface LogQuery {
  /** One resource's lines; all resources' when absent. */
  readonly resource?: string;
  /** Only lines with a seq below this (scroll-back); the newest when absent. */
  readonly before?: number;
  readonly limit: number;
}

type Listener = (line: LogLine) => void;

/**
 * Every resource's console lines for the dashboard: a ring per resource, a global seq that orders
 * all of them (the resume cursor of a reconnecting page) and a line number per resource.
 */
export class LogStore {
  readonly retention: number;
  readonly #rings = new Map<string, LogRing>();
  readonly #lineNumbers = new Map<string, number>();
  readonly #stderrCounts = new Map<string, number>();
  readonly #listeners = new Set<Listener>();
  readonly #redact: (text: string) => string;
  readonly #now: () => number;
  #seq = 0;

  constructor(options: LogStoreOptions = {}) {
    this.retention = options.retention ?? DEFAULT_LOG_LINES;
    if (!Number.isInteger(this.retention) || this.retention < 1) {
      throw new BosunError(`the dashboard's log retention must be a whole number of lines above 0, not ${this.retention} (--dashboard-log-lines)`, { code: "CONFIGURATION" });
    }
    this.#redact = options.redact ?? ((text) => text);
    this.#now = options.now ?? Date.now;
  }

  /** The newest seq handed out (0 before the first line). */
  get cursor(): number {
    return this.#seq;
  }

  /** Keeps one line (redacted) and tells every listener. */
  append(resource: string, stream: LogStream, text: string, marker?: "restart"): LogLine {
    const number = (this.#lineNumbers.get(resource) ?? 0) + 1;
    this.#lineNumbers.set(resource, number);
    if (stream === "stderr") this.#stderrCounts.set(resource, (this.#stderrCounts.get(resource) ?? 0) + 1);
    const line: LogLine = { seq: ++this.#seq, resource, line: number, stream, text: this.#redact(text), time: this.#now(), ...(marker ? { marker } : {}) };
    this.#ringOf(resource).push(line);
    for (const listener of this.#listeners) listener(line);
    return line;
  }

  /** stderr lines seen for `resource` since the app started (dropped ones included). */
  stderrCount(resource: string): number {
    return this.#stderrCounts.get(resource) ?? 0;
  }

  /** Every retained line with a seq above `seq`, oldest first, at most `limit` of them. */
  since(seq: number, limit = Number.POSITIVE_INFINITY): LogLine[] {
    return merged([...this.#rings.values()].map((ring) => ({ ring, index: ring.indexAfter(seq) })), limit, 1);
  }

  /** The newest `limit` retained lines below `before` (of one resource, or all), oldest first. */
  page(query: LogQuery): LogLine[] {
    const before = query.before ?? Number.POSITIVE_INFINITY;
    const rings = query.resource === undefined ? [...this.#rings.values()] : [this.#rings.get(query.resource)].filter((r) => r !== undefined);
    return merged(rings.map((ring) => ({ ring, index: ring.indexAfter(before - 1) - 1 })), query.limit, -1).reverse();
  }

  /** Calls `listener` with every line appended from now on; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #ringOf(resource: string): LogRing {
    let ring = this.#rings.get(resource);
    if (!ring) {
      ring = new LogRing(this.retention);
      this.#rings.set(resource, ring);
    }
    return ring;
  }
}

/**
 * At most `limit` lines of several rings in seq order, each ring read from its cursor's index:
 * forward and ascending (`step` 1), or backward and descending (`step` -1).
 */
function merged(cursors: { ring: LogRing; index: number }[], limit: number, step: 1 | -1): LogLine[] {
  const lines: LogLine[] = [];
  while (lines.length < limit) {
    let next: { ring: LogRing; index: number } | undefined;
    for (const cursor of cursors) {
      if (cursor.index < 0 || cursor.index >= cursor.ring.size) continue;
      if (!next || (cursor.ring.at(cursor.index).seq - next.ring.at(next.index).seq) * step < 0) next = cursor;
    }
    if (!next) break;
    lines.push(next.ring.at(next.index));
    next.index += step;
  }
  return lines;
}
