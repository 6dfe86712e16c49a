import { DEPENDENCY_REASON, type ResourceSnapshot } from "../orchestrator/resource-state.js";

/**
 * One resource as a status line: name, state, health, first endpoint, time to healthy, and the
 * reason when it is not healthy or a dependency of it exited.
 */
export function formatStatusLine(snapshot: ResourceSnapshot, nameWidth: number): string {
  const endpoint = Object.values(snapshot.endpoints)[0] ?? "";
  const elapsed = snapshot.healthyAt !== undefined ? `${(snapshot.healthyAt / 1000).toFixed(1)} s` : "";
  const shown = snapshot.reason && (snapshot.health !== "Healthy" || snapshot.reason.startsWith(DEPENDENCY_REASON));
  const reason = shown ? `  ${snapshot.reason}` : "";
  return [snapshot.name.padEnd(nameWidth), snapshot.state.padEnd(13), snapshot.health.padEnd(9), endpoint.padEnd(24), elapsed].join(" ").trimEnd() + reason;
}

/** The closing line once everything settled: all healthy, or which ones failed. */
export function formatSummary(snapshots: readonly ResourceSnapshot[], elapsedMs: number): string[] {
  const seconds = (elapsedMs / 1000).toFixed(1);
  const failed = snapshots.filter((s) => s.state === "FailedToStart" || s.state === "Exited" || s.health === "Unhealthy");
  const urls = snapshots.flatMap((s) => Object.entries(s.endpoints).map(([name, url]) => `  ${s.name} (${name}): ${url}`));
  if (failed.length === 0) return [`all ${snapshots.length} resources healthy in ${seconds} s`, ...urls, "press Ctrl-C to stop"];
  return [
    `${snapshots.length - failed.length} of ${snapshots.length} resources healthy in ${seconds} s; not healthy:`,
    ...failed.map((s) => `  ${s.name}: ${s.reason ?? s.state}`),
    ...urls,
    "press Ctrl-C to stop",
  ];
}
