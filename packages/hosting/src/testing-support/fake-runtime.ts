import { ContainerResource } from "../model/container-resource.js";
import { ExecutableResource } from "../model/executable-resource.js";
import type { Resource } from "../model/resource.js";
import type { AllocatedEndpoint } from "../model/value-resolver.js";
import type { ResourceRuntime, StartRequest, StartedResource } from "../runtime/resource-runtime.js";

/** How one resource behaves when the fake starts it. Every field is optional. */
export interface FakeScript {
  /** How long `start` takes before it resolves (or throws). */
  readonly startDelayMs?: number;
  /** `start` throws this (after the delay). */
  readonly failStart?: string;
  /** The resource exits on its own this long after it started (0: before `start` returns)… */
  readonly exitAfterMs?: number;
  /** …with this code (default 0). */
  readonly exitCode?: number;
  /** `isHealthy` turns true this long after it started (default: at once). */
  readonly healthyAfterMs?: number;
  /** How long `stop` takes. */
  readonly stopDelayMs?: number;
  /** The code `exited` resolves with when stopped (default 0). */
  readonly stopExitCode?: number;
}

export type FakeEventKind = "open" | "start-called" | "started" | "start-failed" | "exited" | "stop-called" | "stopped" | "close";

export interface FakeEvent {
  readonly kind: FakeEventKind;
  /** Empty for `open` and `close`. */
  readonly resource: string;
  /** Position in the timeline; orderings are asserted on this, not on times. */
  readonly seq: number;
  readonly at: number;
  readonly exitCode?: number;
}

export interface FakeRuntimeOptions {
  /** `host` renders values as a host process sees them, `container` as one on the app network. */
  readonly target?: "host" | "container";
  readonly name?: string;
  /** Default: containers for `container`, executables (and Node apps) for `host`. */
  readonly supports?: (resource: Resource) => boolean;
  readonly scripts?: Readonly<Record<string, FakeScript>>;
  /** Host ports the "engine" hands out to container endpoints that did not ask for one. */
  readonly firstEphemeralPort?: number;
  /** Share one timeline between several fakes (a host and a container runtime). */
  readonly timeline?: FakeEvent[];
}

interface Running {
  readonly startedAt: number;
  readonly exit: (code: number) => void;
  stopped: boolean;
}

/** An in-memory runtime scripted per resource name, recording what the orchestrator asked of it. */
export class FakeRuntime implements ResourceRuntime {
  readonly name: string;
  readonly target: "host" | "container";
  readonly timeline: FakeEvent[];
  /** The last request per resource: its rendered environment, args and planned endpoints. */
  readonly requests = new Map<string, StartRequest>();
  readonly #scripts = new Map<string, FakeScript>();
  readonly #running = new Map<string, Running>();
  readonly #healthOverride = new Map<string, boolean>();
  readonly #holds = new Map<string, Promise<void>>();
  readonly #supports: (resource: Resource) => boolean;
  #nextPort: number;

  constructor(options: FakeRuntimeOptions = {}) {
    this.target = options.target ?? "host";
    this.name = options.name ?? `fake-${this.target}`;
    this.timeline = options.timeline ?? [];
    this.#supports = options.supports ?? ((r) => (this.target === "container" ? r instanceof ContainerResource : r instanceof ExecutableResource));
    this.#nextPort = options.firstEphemeralPort ?? (this.target === "container" ? 49_000 : 0);
    for (const [name, script] of Object.entries(options.scripts ?? {})) this.#scripts.set(name, script);
  }

  /** Sets (or replaces) how `name` behaves. */
  script(name: string, script: FakeScript): this {
    this.#scripts.set(name, script);
    return this;
  }

  /** Makes the next `start` of `name` wait until the returned function is called. */
  hold(name: string): () => void {
    let release!: () => void;
    this.#holds.set(name, new Promise<void>((resolve) => (release = resolve)));
    return release;
  }

  supports(resource: Resource): boolean {
    return this.#supports(resource);
  }

  async open(): Promise<void> {
    this.#record("open", "");
  }

  async close(): Promise<void> {
    this.#record("close", "");
  }

  async start(request: StartRequest): Promise<StartedResource> {
    const name = request.resource.name;
    const script = this.#scripts.get(name) ?? {};
    this.requests.set(name, request);
    this.#record("start-called", name);
    await this.#holds.get(name);
    this.#holds.delete(name);
    if (script.startDelayMs) await delay(script.startDelayMs);
    if (script.failStart !== undefined) {
      this.#record("start-failed", name);
      throw new Error(script.failStart);
    }
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    const running: Running = { startedAt: performance.now(), exit: (code) => exit(code), stopped: false };
    this.#running.set(name, running);
    void exited.then((exitCode) => this.#record("exited", name, exitCode));
    // 0 means "already gone when start returns", like a container whose command fails at once.
    if (script.exitAfterMs === 0) exit(script.exitCode ?? 0);
    else if (script.exitAfterMs !== undefined) setTimeout(() => exit(script.exitCode ?? 0), script.exitAfterMs);
    this.#record("started", name);
    return {
      endpoints: this.#publish(request.endpoints),
      exited,
      stop: async () => {
        if (running.stopped) return;
        running.stopped = true;
        this.#record("stop-called", name);
        if (script.stopDelayMs) await delay(script.stopDelayMs);
        exit(script.stopExitCode ?? 0);
        this.#record("stopped", name);
      },
    };
  }

  /** True once `name` started and its `healthyAfterMs` passed, unless forced with `setHealthy`. */
  isHealthy(name: string): boolean {
    const forced = this.#healthOverride.get(name);
    if (forced !== undefined) return forced;
    const running = this.#running.get(name);
    if (!running) return false;
    return performance.now() - running.startedAt >= (this.#scripts.get(name)?.healthyAfterMs ?? 0);
  }

  /** Forces the health `isHealthy` reports (health changes after start-up). */
  setHealthy(name: string, healthy: boolean): void {
    this.#healthOverride.set(name, healthy);
  }

  /** A probe for `.withHealthCheck(name, probe)` that passes while `isHealthy(name)`. */
  probe(name: string): () => Promise<void> {
    return async () => {
      if (!this.isHealthy(name)) throw new Error(`'${name}' is not ready (fake)`);
    };
  }

  /** Makes a started resource exit now with `code`, as if it crashed or finished. */
  exit(name: string, code: number): void {
    const running = this.#running.get(name);
    if (!running) throw new Error(`fake: '${name}' has not started`);
    running.exit(code);
  }

  /** The first event of `kind` for `resource`; throws if there is none. */
  event(kind: FakeEventKind, resource: string): FakeEvent {
    const found = this.timeline.find((e) => e.kind === kind && e.resource === resource);
    if (!found) throw new Error(`fake: no '${kind}' event for '${resource}' in ${this.describe()}`);
    return found;
  }

  /** Whether any event of `kind` was recorded for `resource`. */
  has(kind: FakeEventKind, resource: string): boolean {
    return this.timeline.some((e) => e.kind === kind && e.resource === resource);
  }

  /** The timeline as `kind:resource` strings, for readable failure messages. */
  describe(): string[] {
    return this.timeline.map((e) => (e.resource ? `${e.kind}:${e.resource}` : e.kind));
  }

  #record(kind: FakeEventKind, resource: string, exitCode?: number): void {
    this.timeline.push({ kind, resource, seq: this.timeline.length, at: performance.now(), ...(exitCode === undefined ? {} : { exitCode }) });
  }

  /** Containers get a host port from the "engine" when they asked for none; host processes keep theirs. */
  #publish(planned: ReadonlyMap<string, AllocatedEndpoint>): Map<string, AllocatedEndpoint> {
    const published = new Map<string, AllocatedEndpoint>();
    for (const [name, endpoint] of planned) {
      const hostPort = endpoint.hostPort === 0 && this.target === "container" ? this.#nextPort++ : endpoint.hostPort;
      published.set(name, { ...endpoint, hostPort });
    }
    return published;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
