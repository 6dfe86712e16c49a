import type { LogLine, ResourceView, Snapshot } from "../../protocol.js";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "signed-out";

export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly kind: "info" | "success" | "error";
}

export interface AppState {
  readonly app?: Snapshot["app"];
  /** In the server's order (the model's). */
  readonly resources: readonly ResourceView[];
  readonly connection: ConnectionState;
  readonly toasts: readonly Toast[];
  /** stderr lines counted per resource when its console was last looked at (for the error badge). */
  readonly seenErrors: Readonly<Record<string, number>>;
  /** stderr lines per resource since the run started: the snapshot's count plus the lines received after it. */
  readonly errorCounts: Readonly<Record<string, number>>;
}

const TOAST_MS = 6_000;

/** The page's resource state: replaced by each snapshot, patched by each `resource` event. */
export class Store {
  #state: AppState = { resources: [], connection: "connecting", toasts: [], seenErrors: {}, errorCounts: {} };
  /** The snapshot's log cursor: its stderr counts include every line up to it. */
  #errorCursor = 0;
  #nextToast = 1;
  readonly #listeners = new Set<() => void>();
  readonly #resourceListeners = new Set<(resource: ResourceView) => void>();

  get state(): AppState {
    return this.#state;
  }

  resource(name: string): ResourceView | undefined {
    return this.#state.resources.find((resource) => resource.name === name);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Called with each resource as it changes (the command tracker waits for outcomes this way). */
  onResource(listener: (resource: ResourceView) => void): () => void {
    this.#resourceListeners.add(listener);
    return () => this.#resourceListeners.delete(listener);
  }

  setSnapshot(snapshot: Snapshot): void {
    this.#errorCursor = snapshot.logCursor;
    const errorCounts = Object.fromEntries(snapshot.resources.map((resource) => [resource.name, resource.errorLogCount]));
    this.#set({ app: snapshot.app, resources: snapshot.resources, connection: "live", errorCounts });
    for (const resource of snapshot.resources) this.#resourceListeners.forEach((listener) => listener(resource));
  }

  updateResource(view: ResourceView): void {
    const resources = this.#state.resources;
    const index = resources.findIndex((resource) => resource.name === view.name);
    const next = index < 0 ? [...resources, view] : resources.map((resource, i) => (i === index ? view : resource));
    this.#set({ resources: next });
    this.#resourceListeners.forEach((listener) => listener(view));
  }

  setConnection(connection: ConnectionState): void {
    if (connection !== this.#state.connection) this.#set({ connection });
  }

  /** Counts the stderr lines among newly received ones (the server sends no resource event for them). */
  countErrors(lines: readonly LogLine[]): void {
    let counts: Record<string, number> | undefined;
    for (const line of lines) {
      if (line.stream !== "stderr" || line.seq <= this.#errorCursor) continue;
      counts ??= { ...this.#state.errorCounts };
      counts[line.resource] = (counts[line.resource] ?? 0) + 1;
    }
    if (counts) this.#set({ errorCounts: counts });
  }

  /** The error badge of these resources starts from zero again (their console is on screen). */
  markErrorsSeen(names: readonly string[]): void {
    const seen = { ...this.#state.seenErrors };
    let changed = false;
    for (const name of names) {
      const count = this.#state.errorCounts[name] ?? 0;
      if (seen[name] !== count) [seen[name], changed] = [count, true];
    }
    if (changed) this.#set({ seenErrors: seen });
  }

  /** stderr lines of `name` since its console was last on screen. */
  unseenErrors(name: string): number {
    return Math.max(0, (this.#state.errorCounts[name] ?? 0) - (this.#state.seenErrors[name] ?? 0));
  }

  toast(text: string, kind: Toast["kind"] = "info"): void {
    const toast = { id: this.#nextToast++, text, kind };
    this.#set({ toasts: [...this.#state.toasts, toast].slice(-4) });
    setTimeout(() => this.dismiss(toast.id), TOAST_MS);
  }

  dismiss(id: number): void {
    if (this.#state.toasts.some((toast) => toast.id === id)) this.#set({ toasts: this.#state.toasts.filter((toast) => toast.id !== id) });
  }

  #set(patch: Partial<AppState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#listeners.forEach((listener) => listener());
  }
}
