import { useEffect, useRef, useState } from "preact/hooks";
import type { Store } from "../shell/store.js";
import { useAppState } from "../shell/use-store.js";
import type { LogBuffer } from "./log-buffer.js";
import { LogToolbar, type ToolbarState } from "./log-toolbar.js";
import { VirtualLog } from "./virtual-log.js";

/** Console logs of one resource (`#/logs/NAME`) or of all of them interleaved (`#/logs`). */
export function LogsPage({ store, logs, name }: { readonly store: Store; readonly logs: LogBuffer; readonly name?: string }) {
  const { resources, errorCounts } = useAppState(store);
  const [state, setState] = useState<ToolbarState>({ filter: "", follow: true, wrap: false, timestamps: true });
  const [cleared, setCleared] = useState<Readonly<Record<string, number>>>({});
  const [counts, setCounts] = useState({ shown: 0, held: 0 });
  const viewport = useRef<HTMLDivElement>(null);
  const view = useRef<VirtualLog>();
  const options = { ...state, resource: name, clearedThrough: cleared[name ?? ""] ?? 0 };

  useEffect(() => {
    view.current = new VirtualLog(viewport.current!, logs, options, (follow) => setState((current) => ({ ...current, follow })));
    return () => view.current?.dispose();
  }, []);
  const count = () => setCounts({ shown: view.current?.rowCount ?? 0, held: logs.lines(name).length });
  useEffect(() => {
    view.current?.update(options);
    count();
  }, [name, state, cleared]);
  useEffect(() => store.markErrorsSeen(name === undefined ? resources.map((r) => r.name) : [name]), [name, resources, errorCounts]);
  useEffect(() => {
    const timer = setInterval(count, 500);
    return () => clearInterval(timer);
  }, [name]);

  const actions = {
    change: (patch: Partial<ToolbarState>) => setState((current) => ({ ...current, ...patch })),
    copy: () =>
      navigator.clipboard.writeText(view.current?.text() ?? "").then(
        () => store.toast("Copied the shown lines"),
        (error: unknown) => store.toast(`Copy failed: ${String(error)}`, "error"),
      ),
    download: () => download(`${name ?? "all"}-console.log`, view.current?.text() ?? ""),
    clear: () => setCleared((current) => ({ ...current, [name ?? ""]: logs.lastSeq })),
  };
  return (
    <section class="page logs">
      <h1>Console logs{name ? `: ${name}` : ""}</h1>
      <LogToolbar resources={resources} selected={name} state={state} actions={actions} />
      <div class={`log-viewport${state.wrap ? " wrap" : ""}`} ref={viewport} role="log" aria-label="Console" tabIndex={0} />
      <p class="log-status">
        {counts.shown} line(s) shown · {counts.held} held · at most {logs.retention.toLocaleString()} per resource
      </p>
    </section>
  );
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
