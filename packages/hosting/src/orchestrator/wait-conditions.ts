import type { WaitAnnotation } from "../model/annotations.js";
import type { Resource } from "../model/resource.js";
import type { ResourceSnapshot } from "./resource-state.js";
import { TERMINAL_STATES } from "./resource-state.js";

/** The outcome of checking one wait edge against the target's snapshot: met, failed, or not yet. */
/** What a resource waits for before it starts: its parent healthy (when it has one), then its own waits. */
export function waitsOf(resource: Resource): WaitAnnotation[] {
  const waits = [...resource.annotationsOf("wait")];
  if (resource.parent) waits.unshift({ type: "wait", target: resource.parent, kind: "healthy", exitCode: 0 });
  return waits;
}

export type WaitOutcome = { readonly met: true } | { readonly met: false; readonly failure: string } | undefined;

const MET = { met: true } as const;

/** `waitFor` = Running and healthy; `waitForStart` = Running; `waitForCompletion` = exited with the code. */
export function evaluateWait(wait: WaitAnnotation, target: ResourceSnapshot): WaitOutcome {
  if (target.state === "FailedToStart") return { met: false, failure: `failed to start: ${target.reason ?? "unknown reason"}` };
  switch (wait.kind) {
    case "started":
      return target.state === "Running" || TERMINAL_STATES.has(target.state) ? MET : undefined;
    case "healthy":
      if (target.state === "Running" && target.health === "Healthy") return MET;
      return TERMINAL_STATES.has(target.state) ? { met: false, failure: exitDescription(target) } : undefined;
    case "completed":
      if (!TERMINAL_STATES.has(target.state)) return undefined;
      if (target.exitCode === wait.exitCode) return MET;
      return { met: false, failure: `${exitDescription(target)} (expected ${wait.exitCode})` };
  }
}

function exitDescription(target: ResourceSnapshot): string {
  return target.exitCode === undefined ? `stopped (${target.state})` : `exited with code ${target.exitCode}`;
}
