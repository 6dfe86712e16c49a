import type { ResourceView } from "../../protocol.js";
import { formatTime } from "../shell/format.js";
import { hrefOf } from "../shell/router.js";
import type { Store } from "../shell/store.js";
import { useAppState } from "../shell/use-store.js";
import { CommandButtons, type CommandRequest } from "./command-buttons.js";
import { Badge, reasonOf } from "./state-badge.js";

const COLUMNS = ["Name", "Kind", "State", "Health", "Reason", "Started", "Restarts", "Exit code", "Source", "Endpoints", "Logs", "Actions"];

/** Every resource in one table, updated as its state changes. */
export function ResourcesPage({ store, onCommand }: { readonly store: Store; readonly onCommand: (request: CommandRequest) => void }) {
  const { resources } = useAppState(store);
  return (
    <section class="page">
      <h1>Resources</h1>
      <div class="table-scroll">
        <table class="resources" aria-label="Resources">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th scope="col">{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {resources.map((resource) => (
              <ResourceRow key={resource.name} resource={resource} unseenErrors={store.unseenErrors(resource.name)} onCommand={onCommand} />
            ))}
          </tbody>
        </table>
      </div>
      {resources.length === 0 && <p class="empty">Waiting for the AppHost's first snapshot…</p>}
    </section>
  );
}

function ResourceRow({ resource, unseenErrors, onCommand }: { readonly resource: ResourceView; readonly unseenErrors: number; readonly onCommand: (request: CommandRequest) => void }) {
  return (
    <tr data-resource={resource.name} data-state={resource.state} data-health={resource.health}>
      <th scope="row">
        <a href={hrefOf({ page: "resource", name: resource.name })}>{resource.name}</a>
      </th>
      <td>{resource.kind}</td>
      <td class="state">
        <Badge word={resource.state} />
      </td>
      <td class="health">
        <Badge word={resource.health} />
      </td>
      <td class="reason">{reasonOf(resource)}</td>
      <td class="started">{formatTime(resource.startedAt)}</td>
      <td class="number">{resource.restarts}</td>
      <td class="number">{resource.exitCode ?? ""}</td>
      <td class="source" title={resource.source}>
        {resource.source ?? ""}
      </td>
      <td class="endpoints">
        {resource.endpoints.map((endpoint) => (
          <a href={endpoint.url} target="_blank" rel="noreferrer noopener" title={endpoint.name}>
            {endpoint.url}
          </a>
        ))}
      </td>
      <td>
        <a href={hrefOf({ page: "logs", name: resource.name })} class="logs-link">
          Console
        </a>
        {unseenErrors > 0 && (
          <span class="error-badge" title={`${unseenErrors} stderr line(s) since you last viewed ${resource.name}'s console`}>
            {unseenErrors > 999 ? "999+" : unseenErrors}
          </span>
        )}
      </td>
      <td>
        <CommandButtons resource={resource} onCommand={onCommand} />
      </td>
    </tr>
  );
}
