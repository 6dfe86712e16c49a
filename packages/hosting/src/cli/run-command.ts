import type { DistributedApplication } from "../app/distributed-application.js";
import type { RunningApp } from "../app/running-app.js";
import { ParameterResource } from "../model/parameter-resource.js";
import { controlSocketPath, serveControl } from "../control/control-socket.js";
import { watchApps } from "../watch/watch-apps.js";
import { applyDevLoopFlags, type DevLoopFlags } from "./dev-loop-flags.js";
import { appHostInvocation } from "./app-host-invocation.js";
import { formatSummary } from "./format-status.js";
import { Redactor } from "./redactor.js";
import { createStatusOutput, type StatusOutput } from "./status-output.js";

/**
 * Boots the app with a live status, prints the summary once everything settled, and on
 * SIGINT/SIGTERM stops it in reverse dependency order. A second Ctrl-C exits at once (the next run
 * reaps what is left).
 */
export async function runApp(application: DistributedApplication, flags: DevLoopFlags = {}): Promise<void> {
  const watched = applyDevLoopFlags(application.resources, flags);
  const redactor = new Redactor();
  const shown = application.resources.filter((r) => !(r instanceof ParameterResource)).map((r) => r.name);
  const nameWidth = Math.max(...shown.map((name) => name.length), 8);
  const output = createStatusOutput({ tty: Boolean(process.stdout.isTTY), redact: (line) => redactor.redact(line), nameWidth, shown });
  const started = Date.now();
  const app = await application.start({ onLog: output.log, onProgress: output.message, onSecrets: (values) => redactor.add(values) });
  const unsubscribe = watch(app, output);
  const watching = watched.length > 0 ? await watchApps({ app, resources: watched, onMessage: output.message }) : undefined;
  if (watching) output.message(`watching ${watched.map((r) => r.name).join(", ")}: a saved change restarts that app`);
  const control = await serveControl(controlSocketPath(application.appHost), app).catch(() => undefined);
  if (control) output.message(`to restart one resource from another terminal: ${appHostInvocation()} restart <name>`);
  let stopping = false;
  const stopRequested = waitForStopSignal(output).then(() => void (stopping = true));
  await Promise.race([app.settled, stopRequested]);
  output.done();
  if (!stopping) formatSummary(app.resources().filter((r) => shown.includes(r.name)), Date.now() - started).forEach((line) => output.message(line));
  await stopRequested;
  output.message("stopping…");
  watching?.close();
  control?.close();
  await app.stop();
  unsubscribe();
  output.message("stopped; session containers and network removed, volumes kept");
}

function watch(app: RunningApp, output: StatusOutput): () => void {
  const abort = new AbortController();
  void (async () => {
    for await (const event of app.events(abort.signal)) output.update(app.resources(), event.snapshot);
  })();
  return () => abort.abort();
}

/** A signal relayed by a wrapper (npx, tsx) arrives twice within moments; that is still one request. */
const REPEAT_WINDOW_MS = 1_000;

function waitForStopSignal(output: StatusOutput): Promise<void> {
  return new Promise((resolve) => {
    let firstAt: number | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (firstAt === undefined) {
        firstAt = Date.now();
        resolve();
      } else if (Date.now() - firstAt > REPEAT_WINDOW_MS) {
        output.message(`${signal} again: exiting now; the next run removes what is left`);
        process.exit(130);
      }
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}
