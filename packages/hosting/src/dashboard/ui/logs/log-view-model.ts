import type { ClientLine, LogBuffer, LogChange } from "./log-buffer.js";

/** Which lines a console view shows. */
export interface LogQuery {
  /** One resource, or all of them interleaved when undefined. */
  readonly resource?: string;
  /** Case-insensitive text the line must contain (empty: every line). */
  readonly filter: string;
  /** Lines with a seq at or below this were cleared by the user. */
  readonly clearedThrough: number;
}

/** The lines of one console view, kept in step with the buffer as batches arrive and old lines drop. */
export class LogViewModel {
  #rows: ClientLine[] = [];
  #needle = "";

  constructor(
    private readonly buffer: LogBuffer,
    private query: LogQuery,
  ) {
    this.setQuery(query);
  }

  get rows(): readonly ClientLine[] {
    return this.#rows;
  }

  setQuery(query: LogQuery): void {
    this.query = query;
    this.#needle = query.filter.trim().toLowerCase();
    this.#rows = this.buffer.lines(query.resource).filter((line) => this.matches(line));
  }

  /** Applies one buffer change; returns true when rows were removed (offsets must be rebuilt). */
  apply(change: LogChange): boolean {
    if (change.dropped) {
      this.setQuery(this.query);
      return true;
    }
    for (const line of change.added) if (this.matches(line)) this.#rows.push(line);
    return false;
  }

  matches(line: ClientLine): boolean {
    if (line.seq <= this.query.clearedThrough) return false;
    if (this.query.resource !== undefined && line.resource !== this.query.resource) return false;
    return this.#needle === "" || line.plain.toLowerCase().includes(this.#needle);
  }
}
