import { cli } from "./published-reference.js";

/** One container event of the engine, reduced to what the end-to-end tests check. */
export interface ContainerEvent {
  /** `start`, `health_status: healthy`, … */
  readonly status: string;
  /** The Compose service or the Swarm service (without the stack prefix). */
  readonly service: string;
  readonly timeMs: number;
}

/** The engine's container events between two instants for containers with `label` (key=value). */
export async function containerEvents(label: string, sinceMs: number, untilMs: number, serviceLabel: string, prefix = ""): Promise<ContainerEvent[]> {
  const output = await cli("docker", [
    "events", "--since", (sinceMs / 1000).toFixed(3), "--until", (untilMs / 1000).toFixed(3),
    "--filter", "type=container", "--filter", `label=${label}`, "--format", "{{json .}}",
  ]);
  return output
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { status: string; timeNano: number; Actor: { Attributes: Record<string, string> } })
    .map((event) => ({ status: event.status, service: (event.Actor.Attributes[serviceLabel] ?? "").slice(prefix.length), timeMs: event.timeNano / 1e6 }));
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
