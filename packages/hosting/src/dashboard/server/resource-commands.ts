import type { RunningApp } from "../../app/running-app.js";
import { describeError } from "../../errors/describe-error.js";
import type { LogStore } from "../log-store.js";
import type { ResourceCommand } from "../protocol.js";
import { kindOf, runsOwnProcess } from "../resource-kind.js";
import type { ResourceViews } from "../resource-views.js";

/** What a command needs of the running app. */
export type CommandTarget = Pick<RunningApp, "startResource" | "stopResource" | "restartResource">;

export type CommandOutcome = { readonly accepted: true } | { readonly status: 404 | 409; readonly error: string };

/**
 * Starts `command` on resource `name` when its state allows it and returns at once; the outcome
 * shows in its state events, and a failure as a system line in its console log.
 */
export function runCommand(app: CommandTarget, views: ResourceViews, store: LogStore, name: string, command: ResourceCommand): CommandOutcome {
  const resource = views.resource(name);
  if (!resource) return { status: 404, error: views.unknown(name) };
  if (!runsOwnProcess(resource)) {
    const owner = resource.parent ? `; ${command} '${resource.parent.name}', which it belongs to` : "";
    return { status: 409, error: `resource '${name}' is a ${kindOf(resource)}: it has no process or container of its own to ${command}${owner}` };
  }
  const view = views.view(name);
  if (!view.commands[command]) return { status: 409, error: refusal(name, view.state, command) };
  // Async, so a state that changed since the check fails like the command itself: in the log.
  const work = (async () => {
    if (command === "start") return app.startResource(name);
    if (command === "stop") return app.stopResource(name);
    return app.restartResource(name, "restart requested in the dashboard");
  })();
  work.catch((error: unknown) => store.append(name, "system", `${command} failed: ${describeError(error)}`));
  return { accepted: true };
}

function refusal(name: string, state: string, command: ResourceCommand): string {
  switch (command) {
    case "start":
      return `resource '${name}' is ${state}, not stopped; only an exited, finished or failed resource can be started (use restart to start it over)`;
    case "stop":
      return `resource '${name}' is ${state}, not Running; there is nothing to stop yet (use restart to start it over)`;
    case "restart":
      return `resource '${name}' is ${state}; wait until it has stopped, then start it`;
  }
}
