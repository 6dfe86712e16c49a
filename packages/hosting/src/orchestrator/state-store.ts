import type { ResourceEvent, ResourceSnapshot } from "./resource-state.js";

type Listener = (event: ResourceEvent) => void;

/** The current snapshot of every resource, and a stream of their changes. */
export class StateStore {
  readonly #snapshots = new Map<string, ResourceSnapshot>();
  readonly #listeners = new Set<Listener>();

  constructor(names: readonly string[]) {
    for (const name of names) this.#snapshots.set(name, { name, state: "NotStarted", health: "Unknown", endpoints: {}, restarts: 0 });
  }

  get(name: string): ResourceSnapshot {
    const snapshot = this.#snapshots.get(name);
    if (!snapshot) throw new Error(`no resource named '${name}'`);
    return snapshot;
  }

  all(): ResourceSnapshot[] {
    return [...this.#snapshots.values()];
  }

  update(name: string, change: Partial<Omit<ResourceSnapshot, "name">>): void {
    const previous = this.get(name);
    const snapshot = { ...previous, ...change };
    this.#snapshots.set(name, snapshot);
    for (const listener of this.#listeners) listener({ snapshot, previous });
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Resolves with the first value `settled` returns for a snapshot of `name` (now or later). When
   * `signal` aborts first it stops listening and never resolves.
   */
  when<T>(name: string, settled: (snapshot: ResourceSnapshot) => T | undefined, signal?: AbortSignal): Promise<T> {
    return new Promise((resolve) => {
      const now = settled(this.get(name));
      if (now !== undefined) return resolve(now);
      if (signal?.aborted) return;
      const unsubscribe = this.subscribe(({ snapshot }) => {
        if (snapshot.name !== name) return;
        const value = settled(snapshot);
        if (value === undefined) return;
        finish();
        resolve(value);
      });
      const finish = () => {
        unsubscribe();
        signal?.removeEventListener("abort", finish);
      };
      signal?.addEventListener("abort", finish, { once: true });
    });
  }

  /** Every change from now on, as an async iterator; ends when `signal` aborts. */
  events(signal?: AbortSignal): AsyncGenerator<ResourceEvent> {
    // Subscribe now, not on the first `next()` (a generator's body runs lazily), so changes made
    // between this call and the first pull are not lost.
    const queue: ResourceEvent[] = [];
    const state: { wake?: () => void } = {};
    const unsubscribe = this.subscribe((event) => {
      queue.push(event);
      state.wake?.();
    });
    signal?.addEventListener("abort", unsubscribe, { once: true });
    return drain(queue, state, unsubscribe, signal);
  }
}

async function* drain(
  queue: ResourceEvent[],
  state: { wake?: () => void },
  unsubscribe: () => void,
  signal: AbortSignal | undefined,
): AsyncGenerator<ResourceEvent> {
  const onAbort = () => state.wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    while (!signal?.aborted) {
      const next = queue.shift();
      if (next) yield next;
      else await new Promise<void>((resolve) => (state.wake = resolve));
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
  }
}
