import type { ApiError, ResourceCommand, ResourceView } from "../../protocol.js";
import type { Store } from "../shell/store.js";

const ACTIVE = new Set(["Waiting", "Starting", "Running", "Stopping"]);

/**
 * The toast for a command once it is done, or undefined while it is not. `before` is the resource
 * when the command was sent: a restart is seen by its count or start time too, since a quick one
 * can reach the page as a single update (Running, Healthy again) without the states in between.
 */
export function outcomeOf(command: ResourceCommand, before: ResourceView | undefined, resource: ResourceView, sawTransition: boolean): string | undefined {
  if (command === "stop") return ACTIVE.has(resource.state) ? undefined : `${resource.name} stopped (${resource.state})`;
  const startedAgain = before !== undefined && (resource.restarts !== before.restarts || resource.startedAt !== before.startedAt);
  if (!sawTransition && !startedAgain) return undefined;
  if (resource.state === "Running" && resource.health === "Healthy") return `${resource.name} ${command === "start" ? "started" : "restarted"}: Running, Healthy`;
  if (resource.state === "FailedToStart" || resource.state === "Exited") return `${resource.name} did not start: ${resource.reason ?? resource.state}`;
  return undefined;
}

/** How long a started resource may stay unhealthy before the toast says so (its health check may still pass later). */
const UNHEALTHY_NOTICE_MS = 30_000;

/**
 * Sends start/stop/restart and reports the outcome in a toast once the resource's new state arrives
 * on the stream (the POST only says the command was accepted).
 */
export class CommandRunner {
  constructor(private readonly store: Store) {}

  async run(name: string, command: ResourceCommand): Promise<void> {
    const before = this.store.resource(name);
    let response: Response;
    try {
      response = await fetch(`/api/resources/${encodeURIComponent(name)}/${command}`, { method: "POST" });
    } catch (error) {
      this.store.toast(`${command} ${name}: the AppHost did not answer (${String(error)}); is it still running?`, "error");
      return;
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as Partial<ApiError>;
      this.store.toast(body.error ?? `${command} ${name} failed: HTTP ${response.status}`, "error");
      return;
    }
    this.store.toast(`${command} ${name}: accepted`);
    this.#awaitOutcome(name, command, before);
  }

  #awaitOutcome(name: string, command: ResourceCommand, before: ResourceView | undefined): void {
    let sawTransition = false;
    const notice = setTimeout(() => {
      stop();
      const resource = this.store.resource(name);
      this.store.toast(`${name} is ${resource?.state ?? "gone"}, ${resource?.health ?? ""}${resource?.reason ? `: ${resource.reason}` : ""}`, "error");
    }, UNHEALTHY_NOTICE_MS);
    const stop = this.store.onResource((resource) => {
      if (resource.name !== name) return;
      if (resource.state !== "Running" || resource.health !== "Healthy") sawTransition = true;
      const outcome = outcomeOf(command, before, resource, sawTransition);
      if (outcome === undefined) return;
      stop();
      clearTimeout(notice);
      this.store.toast(outcome, outcome.includes("did not start") ? "error" : "success");
    });
  }
}
