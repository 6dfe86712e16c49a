import type { ResourceView } from "../../protocol.js";
import { hrefOf } from "../shell/router.js";

export interface ToolbarState {
  readonly filter: string;
  readonly follow: boolean;
  readonly wrap: boolean;
  readonly timestamps: boolean;
}

export interface ToolbarActions {
  readonly change: (patch: Partial<ToolbarState>) => void;
  readonly copy: () => void;
  readonly download: () => void;
  readonly clear: () => void;
}

/** The console's controls: which resource, filter, follow/pause, wrap, timestamps, copy, download, clear. */
export function LogToolbar({ resources, selected, state, actions }: { readonly resources: readonly ResourceView[]; readonly selected?: string; readonly state: ToolbarState; readonly actions: ToolbarActions }) {
  return (
    <div class="log-toolbar" role="toolbar" aria-label="Console controls">
      <label>
        Resource{" "}
        <select
          aria-label="Resource"
          value={selected ?? ""}
          onChange={(event) => (location.hash = hrefOf({ page: "logs", name: event.currentTarget.value || undefined }))}
        >
          <option value="">All resources</option>
          {resources.map((resource) => (
            <option value={resource.name}>{resource.name}</option>
          ))}
        </select>
      </label>
      <input type="search" placeholder="Filter" aria-label="Filter" value={state.filter} onInput={(event) => actions.change({ filter: event.currentTarget.value })} />
      <button type="button" aria-pressed={state.follow} onClick={() => actions.change({ follow: !state.follow })}>
        {state.follow ? "Following" : "Paused"}
      </button>
      <label class="toggle">
        <input type="checkbox" checked={state.wrap} onChange={(event) => actions.change({ wrap: event.currentTarget.checked })} /> Wrap
      </label>
      <label class="toggle">
        <input type="checkbox" checked={state.timestamps} onChange={(event) => actions.change({ timestamps: event.currentTarget.checked })} /> Timestamps
      </label>
      <button type="button" onClick={actions.copy}>
        Copy
      </button>
      <button type="button" onClick={actions.download}>
        Download
      </button>
      <button type="button" onClick={actions.clear}>
        Clear
      </button>
    </div>
  );
}
