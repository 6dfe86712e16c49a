import type { Resource } from "../model/resource.js";
import { dependentsOf } from "./dependency-graph.js";
import { DEPENDENCY_REASON } from "./resource-state.js";
import type { StateStore } from "./state-store.js";

const STILL_UP = new Set(["Starting", "Running"]);

/**
 * Tells a running resource's dependents when it exits on its own (crashed, killed or removed
 * behind bosun's back): each dependent still up gets `dependency '<name>' exited with code <n>`
 * as its reason, cleared again once the dependency is healthy. Returns the unsubscribe function.
 */
export function tellDependentsOfExits(states: StateStore, resources: readonly Resource[]): () => void {
  const dependents = new Map([...dependentsOf(resources)].map(([target, list]) => [target.name, list.map((r) => r.name)]));
  return states.subscribe(({ snapshot, previous }) => {
    const names = dependents.get(snapshot.name) ?? [];
    const notice = `${DEPENDENCY_REASON}${snapshot.name}' `;
    if (snapshot.state === "Exited" && previous.state !== "Exited" && snapshot.reason !== undefined) {
      for (const name of names) {
        if (STILL_UP.has(states.get(name).state)) states.update(name, { reason: `${notice}${snapshot.reason}` });
      }
    } else if (snapshot.health === "Healthy" && previous.health !== "Healthy") {
      for (const name of names) {
        if (states.get(name).reason?.startsWith(notice) && STILL_UP.has(states.get(name).state)) states.update(name, { reason: undefined });
      }
    }
  });
}
