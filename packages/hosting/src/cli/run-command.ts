import type { DistributedApplication } from "../app/distributed-application.js";
import type { RunningApp } from "../app/running-app.js";
import { ParameterResource } from "../model/parameter-resource.js";
import { controlSocketPath, serveControl } from "../control/control-socket.js";
import { watchApps } from "../watch/watch-apps.js";
import { LogStore } from "../dashboard/log-store.js";
import type { DashboardFlags } from "./dashboard-flags.js";
import { applyDevLoopFlags, type DevLoopFlags } from "./dev-loop-flags.js";
import { appHostInvocation } from "./app-host-invocation.js";
import { EXIT_CODES } from "./exit-codes.js";
import { formatSummary } from "./format-status.js";
import { redactError, redactUncaughtErrors } from "../errors/redact-error.js";
import { Redactor } from "./redactor.js";
import { waitForStopRequest } from "./stop-request.js";
import { serveDashboard } from "./serve-dashboard.js";
import { createStatusOutput, type StatusOutput } from "./status-output.js";

/**
 * Boots the app with a live status, prints the summary once everything settled, and on
 * SIGINT/SIGTERM/SIGHUP (or when the command that launched it ends) stops it in reverse dependency
 * order. A second Ctrl-C exits at once (the session's watchdog removes what is left).
 */
export async function runApp(application: DistributedApplication, flags: DevLoopFlags & DashboardFlags = {}): Promise<void> {
  const redactor = new Redactor();
  // Also for errors after the run, such as the AppHost's own after run() returned.
  redactUncaughtErrors(redactor);
  try {
    await runRedacted(application, flags, redactor);
  } catch (error) {
    throw redactError(error, redactor);
  }
}

/** runApp, with every line it prints passed through `redactor`, which learns the secrets at start. */
async function runRedacted(application: DistributedApplication, flags: DevLoopFlags & DashboardFlags, redactor: Redactor): Promise<void> {
  const watched = applyDevLoopFlags(application.resources, flags);
  const shown = application.resources.filter((r) => !(r instanceof ParameterResource)).map((r) => r.name);
  const nameWidth = Math.max(...shown.map((name) => name.length), 8);
  const output = createStatusOutput({ tty: Boolean(process.stdout.isTTY), redact: (line) => redactor.redact(line), nameWidth, shown });
  const started = Date.now();
  const store = flags.dashboard === false ? undefined : new LogStore(flags.dashboardLogLines ? { retention: flags.dashboardLogLines } : {});
  const app = await application.start({
    // Each line is redacted once, for the terminal and the dashboard alike.
    onLog: (name, stream, line) => {
      const redacted = redactor.redact(line);
      output.log(name, stream, redacted);
      store?.append(name, stream, redacted);
    },
    onProgress: output.message,
    onSecrets: (values) => redactor.add(values),
  });
  const unsubscribe = watch(app, output);
  // From here on the app runs: whatever fails below (a port, a watcher) still stops it and closes what was opened.
  let dashboard: Awaited<ReturnType<typeof serveDashboard>> | undefined;
  let watching: Awaited<ReturnType<typeof watchApps>> | undefined;
  let control: Awaited<ReturnType<typeof serveControl>> | undefined;
  try {
    dashboard = store ? await serveDashboard(application, app, store, flags, output.message) : undefined;
    watching = watched.length > 0 ? await watchApps({ app, resources: watched, onMessage: output.message }) : undefined;
    if (watching) output.message(`watching ${watched.map((r) => r.name).join(", ")}: a saved change restarts that app`);
    control = await serveControl(controlSocketPath(application.appHost), app).catch(() => undefined);
    if (control) output.message(`to restart one resource from another terminal: ${appHostInvocation()} restart <name>`);
    let stopping = false;
    const onRepeat = (signal: NodeJS.Signals) => {
      output.message(`${signal} again: exiting now; the watchdog removes what is left`);
      process.exit(EXIT_CODES.INTERRUPTED);
    };
    const stopRequested = waitForStopRequest({ message: output.message, onRepeat }).then(() => void (stopping = true));
    await Promise.race([app.settled, stopRequested]);
    output.done();
    if (!stopping) formatSummary(app.resources().filter((r) => shown.includes(r.name)), Date.now() - started).forEach((line) => output.message(line));
    await stopRequested;
    output.message("stopping…");
  } finally {
    watching?.close();
    control?.close();
    await app.stop();
    await dashboard?.close();
    unsubscribe();
  }
  output.message("stopped; session containers and network removed, volumes kept");
}

function watch(app: RunningApp, output: StatusOutput): () => void {
  const abort = new AbortController();
  void (async () => {
    for await (const event of app.events(abort.signal)) output.update(app.resources(), event.snapshot);
  })();
  return () => abort.abort();
}
