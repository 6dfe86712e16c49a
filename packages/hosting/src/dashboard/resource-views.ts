import type { Resource } from "../model/resource.js";
import { dependentsOf } from "../orchestrator/dependency-graph.js";
import { TERMINAL_STATES, type ResourceSnapshot } from "../orchestrator/resource-state.js";
import { evaluateWait, waitsOf } from "../orchestrator/wait-conditions.js";
import type { ResourceCommands, ResourceView } from "./protocol.js";
import { kindOf, runsOwnProcess, sourceOf } from "./resource-kind.js";

/** What a view needs of the running app besides the model. */
export interface ViewContext {
  /** Epoch ms the app started; snapshots count their times from it. */
  readonly startedAt: number;
  readonly snapshot: (name: string) => ResourceSnapshot;
  readonly stderrCount: (name: string) => number;
}

/** Builds the dashboard's rows from the model and the orchestrator's snapshots. */
export class ResourceViews {
  readonly #byName: ReadonlyMap<string, Resource>;
  readonly #dependents: ReadonlyMap<string, readonly string[]>;

  constructor(
    readonly model: readonly Resource[],
    readonly context: ViewContext,
  ) {
    this.#byName = new Map(model.map((r) => [r.name, r]));
    this.#dependents = new Map([...dependentsOf(model)].map(([target, dependents]) => [target.name, dependents.map((d) => d.name)]));
  }

  resource(name: string): Resource | undefined {
    return this.#byName.get(name);
  }

  /** What a request for a name the model does not have is told: the names it has. */
  unknown(name: string): string {
    return `no resource named '${name}'; the resources are ${this.model.map((r) => r.name).join(", ")}`;
  }

  /** The resources that wait for, reference or live in `name`. */
  dependentsOf(name: string): readonly string[] {
    return this.#dependents.get(name) ?? [];
  }

  all(): ResourceView[] {
    return this.model.map((r) => this.view(r.name));
  }

  view(name: string): ResourceView {
    const resource = this.#byName.get(name);
    if (!resource) throw new Error(`no resource named '${name}'`);
    const snapshot = this.context.snapshot(name);
    const source = sourceOf(resource);
    const waitingFor = snapshot.state === "Waiting" ? this.#waitingFor(resource) : undefined;
    return {
      name,
      kind: kindOf(resource),
      state: snapshot.state,
      health: snapshot.health,
      ...(snapshot.reason === undefined ? {} : { reason: snapshot.reason }),
      ...(waitingFor === undefined ? {} : { waitingFor }),
      ...(snapshot.startingAt === undefined ? {} : { startedAt: this.context.startedAt + snapshot.startingAt }),
      restarts: snapshot.restarts,
      ...(snapshot.exitCode === undefined ? {} : { exitCode: snapshot.exitCode }),
      ...(source === undefined ? {} : { source }),
      endpoints: Object.entries(snapshot.endpoints).map(([endpoint, url]) => ({ name: endpoint, url })),
      errorLogCount: this.context.stderrCount(name),
      commands: commandsFor(resource, snapshot),
      dependents: this.dependentsOf(name),
    };
  }

  /** "waiting for postgres: unhealthy — password authentication failed", for the first wait not yet met. */
  #waitingFor(resource: Resource): string | undefined {
    for (const wait of waitsOf(resource)) {
      const target = this.context.snapshot(wait.target.name);
      if (evaluateWait(wait, target) !== undefined) continue;
      return `waiting for ${wait.target.name}${WAIT_GOAL[wait.kind]}: ${conditionOf(target)}`;
    }
    return undefined;
  }
}

const WAIT_GOAL = { healthy: "", started: " to start", completed: " to finish" } as const;

function conditionOf(target: ResourceSnapshot): string {
  const state = target.state === "Running" ? (target.health === "Unhealthy" ? "unhealthy" : "running, health not known yet") : target.state.toLowerCase();
  return target.reason ? `${state} — ${target.reason}` : state;
}

/** Start applies to one that ended, stop to one that runs, restart to anything not already stopping. */
function commandsFor(resource: Resource, snapshot: ResourceSnapshot): ResourceCommands {
  if (!runsOwnProcess(resource)) return { start: false, stop: false, restart: false };
  const ended = TERMINAL_STATES.has(snapshot.state);
  return {
    start: ended,
    stop: snapshot.state === "Running",
    restart: snapshot.state !== "Stopping" && snapshot.state !== "NotStarted",
  };
}
