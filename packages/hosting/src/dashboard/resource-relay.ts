import type { RunningApp } from "../app/running-app.js";
import type { LogStore } from "./log-store.js";
import type { ResourceView } from "./protocol.js";
import type { ResourceViews } from "./resource-views.js";

/**
 * Turns the app's state changes into rows for the pages until `signal` aborts: the changed
 * resource's row, and the rows of its dependents still waiting for it (their `waitingFor` sentence
 * quotes its state). A new start after the first also puts a restart marker into its log.
 */
export async function relayResourceChanges(
  app: Pick<RunningApp, "events">,
  views: ResourceViews,
  store: LogStore,
  send: (view: ResourceView) => void,
  signal: AbortSignal,
): Promise<void> {
  for await (const { snapshot, previous } of app.events(signal)) {
    if (snapshot.state === "Starting" && previous.state !== "Starting" && snapshot.restarts > 0) {
      store.append(snapshot.name, "system", `— restarted (#${snapshot.restarts}) —`, "restart");
    }
    if (!views.resource(snapshot.name)) continue;
    send(views.view(snapshot.name));
    for (const dependent of views.dependentsOf(snapshot.name)) {
      const view = views.view(dependent);
      if (view.state === "Waiting") send(view);
    }
  }
}
