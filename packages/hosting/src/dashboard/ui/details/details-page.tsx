import { useEffect, useState } from "preact/hooks";
import type { ApiError, ResourceDetails } from "../../protocol.js";
import { CommandButtons, type CommandRequest } from "../resources/command-buttons.js";
import { Badge, reasonOf } from "../resources/state-badge.js";
import { formatTime } from "../shell/format.js";
import { hrefOf } from "../shell/router.js";
import type { Store } from "../shell/store.js";
import { useAppState } from "../shell/use-store.js";
import { DetailsSections } from "./details-sections.js";

/** One resource: its properties, environment (masked), endpoints, volumes, health checks and relations. */
export function DetailsPage({ store, name, onCommand }: { readonly store: Store; readonly name: string; readonly onCommand: (request: CommandRequest) => void }) {
  const view = useAppState(store).resources.find((resource) => resource.name === name);
  const [details, setDetails] = useState<ResourceDetails | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [revealed, setRevealed] = useState(false);

  // Fetched again whenever the resource's row changes, so health results and endpoints stay current.
  useEffect(() => {
    const abort = new AbortController();
    fetch(`/api/resources/${encodeURIComponent(name)}`, { signal: abort.signal })
      .then(async (response) => {
        if (response.ok) return [(await response.json()) as ResourceDetails, undefined] as const;
        const body = (await response.json().catch(() => ({}))) as Partial<ApiError>;
        return [undefined, body.error ?? `HTTP ${response.status}`] as const;
      })
      .then(([loaded, error]) => {
        setDetails(loaded);
        setProblem(error);
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setProblem(String(error));
      });
    return () => abort.abort();
  }, [name, view]);

  const current = view ?? details;
  return (
    <section class="page details">
      <p class="crumbs">
        <a href={hrefOf({ page: "resources" })}>Resources</a> / {name}
      </p>
      <h1>{name}</h1>
      {problem && <p class="problem">{problem}</p>}
      {current && (
        <div class="summary">
          <Badge word={current.state} /> <Badge word={current.health} /> <span class="reason">{reasonOf(current)}</span>
          <span class="started">{current.startedAt ? `started ${formatTime(current.startedAt)}` : ""}</span>
          <CommandButtons resource={current} onCommand={onCommand} />
          <a href={hrefOf({ page: "logs", name })}>Console logs</a>
        </div>
      )}
      {details && (
        <>
          <label class="toggle">
            <input type="checkbox" checked={revealed} onChange={(event) => setRevealed(event.currentTarget.checked)} /> Reveal values
          </label>
          <DetailsSections details={details} revealed={revealed} />
        </>
      )}
    </section>
  );
}
