import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** One container event of the engine, reduced to what the end-to-end tests check. */
export interface ContainerEvent {
  /** `start`, `health_status: healthy`, … */
  readonly status: string;
  /** The Compose service or the Swarm service (without the stack prefix). */
  readonly service: string;
  readonly timeMs: number;
}

/** Container events as they happen, for a test that checks them later. */
export interface ContainerEventRecorder {
  /** Every event so far. */
  events(): ContainerEvent[];
  stop(): void;
}

/**
 * Follows the engine's container events for containers with `label` (key=value) from now on.
 * Followed live rather than asked for afterwards: the engine keeps only its last 256 events, and a
 * slow start-up on a busy engine (health checks of every container) pushes the first ones out.
 */
export function recordContainerEvents(label: string, serviceLabel: string, prefix = ""): ContainerEventRecorder {
  const since = (Date.now() / 1000 - 1).toFixed(3);
  const child = spawn("docker", ["events", "--since", since, "--filter", "type=container", "--filter", `label=${label}`, "--format", "{{json .}}"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const events: ContainerEvent[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (line.trim() === "") return;
    const event = JSON.parse(line) as { status: string; timeNano: number; Actor: { Attributes: Record<string, string> } };
    events.push({ status: event.status, service: (event.Actor.Attributes[serviceLabel] ?? "").slice(prefix.length), timeMs: event.timeNano / 1e6 });
  });
  return { events: () => [...events], stop: () => void child.kill() };
}

/** For each `service → dependency` edge, whether the service started after the dependency was first healthy. */
export function startOrderViolations(events: readonly ContainerEvent[], edges: readonly [string, string][]): string[] {
  const first = (service: string, status: string) => events.find((e) => e.service === service && e.status === status)?.timeMs;
  return edges.flatMap(([service, dependency]) => {
    const started = first(service, "start");
    const healthy = first(dependency, "health_status: healthy");
    if (started === undefined || healthy === undefined) return [`${service} → ${dependency}: no ${started === undefined ? "start" : "healthy"} event`];
    return started >= healthy ? [] : [`${service} started ${((healthy - started) / 1000).toFixed(1)} s before ${dependency} was healthy`];
  });
}
