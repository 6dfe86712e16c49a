import { BosunError } from "../errors/bosun-error.js";
import { NodeAppResource } from "../model/node-app-resource.js";
import type { Resource } from "../model/resource.js";

export interface DevLoopFlags {
  /** `run --watch`: every Node app restarts on a change. */
  readonly watch?: boolean;
  /** `run --inspect`: every Node app (true) or the named ones start with the inspector. */
  readonly inspect?: boolean | readonly string[];
}

/**
 * Applies `--watch` and `--inspect` to the model as `.withWatch()` and `.withInspect()` would, and
 * returns the Node apps to watch. A name that is not a Node app is a usage error naming the choices.
 */
export function applyDevLoopFlags(resources: readonly Resource[], flags: DevLoopFlags): NodeAppResource[] {
  const nodeApps = resources.filter((r): r is NodeAppResource => r instanceof NodeAppResource);
  if (flags.watch) for (const app of nodeApps) if (!app.lastAnnotationOf("watch")) app.addAnnotation({ type: "watch" });
  const inspected = flags.inspect === true ? nodeApps : flags.inspect ? flags.inspect.map((name) => nodeAppNamed(nodeApps, name)) : [];
  for (const app of inspected) if (!app.lastAnnotationOf("inspect")) app.addAnnotation({ type: "inspect" });
  return nodeApps.filter((app) => app.lastAnnotationOf("watch"));
}

function nodeAppNamed(nodeApps: readonly NodeAppResource[], name: string): NodeAppResource {
  const found = nodeApps.find((app) => app.name === name);
  if (found) return found;
  const choices = nodeApps.map((app) => app.name).join(", ") || "none in this model";
  throw new BosunError(`--inspect=${name}: '${name}' is not a Node app of this AppHost; the Node apps are ${choices} (npm apps: pass --inspect in their dev script)`, { code: "CONFIGURATION" });
}
