import type { ResourceView } from "../../protocol.js";

const TONE: Record<string, string> = {
  Running: "ok",
  Finished: "muted",
  NotStarted: "muted",
  Waiting: "pending",
  Starting: "pending",
  Stopping: "pending",
  Exited: "bad",
  FailedToStart: "bad",
  Healthy: "ok",
  Unhealthy: "bad",
  Unknown: "muted",
};

/** A coloured pill for a state or health word. */
export function Badge({ word }: { readonly word: string }) {
  return <span class={`badge tone-${TONE[word] ?? "muted"}`}>{word}</span>;
}

/** The reason column: why it waits, failed, exited or is unhealthy. */
export function reasonOf(resource: ResourceView): string {
  if (resource.state === "Waiting" && resource.waitingFor) return resource.waitingFor;
  return resource.reason ?? resource.waitingFor ?? "";
}
