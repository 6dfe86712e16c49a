import type { LogLine } from "../../protocol.js";
import { stripAnsi } from "./ansi.js";

/** A line as the page keeps it: the wire line plus its text without escape sequences. */
export interface ClientLine extends LogLine {
  readonly plain: string;
}

/** What one `add` changed, for the views to update themselves. */
export interface LogChange {
  readonly added: readonly ClientLine[];
  /** Some lines were dropped by the retention (or everything was reset). */
  readonly dropped: boolean;
}

/**
 * The page's copy of the console: at most `retention` lines per resource, in seq order, each seq
 * at most once (a reconnect replays lines the page may already have).
 */
export class LogBuffer {
  #retention: number;
  #lastSeq = 0;
  #all: ClientLine[] = [];
  readonly #byResource = new Map<string, ClientLine[]>();
  readonly #listeners = new Set<(change: LogChange) => void>();

  constructor(retention: number) {
    this.#retention = Math.max(1, retention);
  }

  /** The newest seq held; the stream resumes after it. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  get retention(): number {
    return this.#retention;
  }

  /** Every line held for `resource`, or for all resources interleaved by seq when undefined. */
  lines(resource?: string): readonly ClientLine[] {
    return resource === undefined ? this.#all : (this.#byResource.get(resource) ?? []);
  }

  /** How many lines are held in total (at most retention × resources). */
  get size(): number {
    return this.#all.length;
  }

  subscribe(listener: (change: LogChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets everything, e.g. when the stream belongs to a new run of the AppHost. */
  reset(retention = this.#retention): void {
    this.#retention = Math.max(1, retention);
    this.#lastSeq = 0;
    this.#all = [];
    this.#byResource.clear();
    this.#emit({ added: [], dropped: true });
  }

  /** Adds a batch (oldest first); lines at or below the last seq held are duplicates and skipped. */
  add(batch: readonly LogLine[]): void {
    const added: ClientLine[] = [];
    const trimmed = new Set<string>();
    for (const wire of batch) {
      if (wire.seq <= this.#lastSeq) continue;
      this.#lastSeq = wire.seq;
      const line: ClientLine = Object.assign(wire, { plain: stripAnsi(wire.text) });
      added.push(line);
      this.#all.push(line);
      const own = this.#byResource.get(line.resource) ?? [];
      if (own.length === 0) this.#byResource.set(line.resource, own);
      own.push(line);
      if (own.length > this.#retention) trimmed.add(line.resource);
    }
    if (trimmed.size > 0) this.#trim(trimmed);
    if (added.length > 0 || trimmed.size > 0) this.#emit({ added, dropped: trimmed.size > 0 });
  }

  #trim(resources: ReadonlySet<string>): void {
    const oldestKept = new Map<string, number>();
    for (const resource of resources) {
      const own = this.#byResource.get(resource)!;
      own.splice(0, own.length - this.#retention);
      oldestKept.set(resource, own[0]!.seq);
    }
    this.#all = this.#all.filter((line) => line.seq >= (oldestKept.get(line.resource) ?? 0));
  }

  #emit(change: LogChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
