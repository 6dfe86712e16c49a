import "./app.css";
import { render } from "preact";
import { useMemo, useState } from "preact/hooks";
import { DetailsPage } from "./details/details-page.js";
import { LogBuffer } from "./logs/log-buffer.js";
import { LogsPage } from "./logs/logs-page.js";
import type { CommandRequest } from "./resources/command-buttons.js";
import { CommandRunner } from "./resources/commands.js";
import { ConfirmDialog, needsConfirmation } from "./resources/confirm-dialog.js";
import { ResourcesPage } from "./resources/resources-page.js";
import { followStream } from "./shell/connection.js";
import { Header } from "./shell/header.js";
import { useRoute } from "./shell/router.js";
import { Store } from "./shell/store.js";
import { Toasts } from "./shell/toasts.js";
import { useAppState } from "./shell/use-store.js";

/** Until the snapshot names the server's retention (`--dashboard-log-lines`). */
const DEFAULT_RETENTION = 10_000;

function App({ store, logs }: { readonly store: Store; readonly logs: LogBuffer }) {
  const route = useRoute();
  const { app, connection } = useAppState(store);
  const commands = useMemo(() => new CommandRunner(store), [store]);
  const [confirming, setConfirming] = useState<CommandRequest | undefined>();
  const onCommand = (request: CommandRequest) => {
    if (needsConfirmation(request)) setConfirming(request);
    else void commands.run(request.resource.name, request.command);
  };
  const answer = (confirmed: boolean) => {
    if (confirmed && confirming) void commands.run(confirming.resource.name, confirming.command);
    setConfirming(undefined);
  };
  if (app) document.title = `${app.name} · bosun`;
  return (
    <>
      <Header appName={app?.name} route={route} connection={connection} />
      <main>
        {route.page === "resources" && <ResourcesPage store={store} onCommand={onCommand} />}
        {route.page === "resource" && <DetailsPage key={route.name} store={store} name={route.name} onCommand={onCommand} />}
        {route.page === "logs" && <LogsPage store={store} logs={logs} name={route.name} />}
      </main>
      {confirming && <ConfirmDialog request={confirming} onAnswer={answer} />}
      <Toasts store={store} />
    </>
  );
}

const store = new Store();
const logs = new LogBuffer(DEFAULT_RETENTION);
logs.subscribe((change) => store.countErrors(change.added));
followStream(store, logs);
render(<App store={store} logs={logs} />, document.getElementById("app")!);
