import type { DistributedApplication } from "../app/distributed-application.js";
import type { RunningApp } from "../app/running-app.js";
import { ParameterResource } from "../model/parameter-resource.js";
import { resolveParameters } from "../parameters/resolve-parameters.js";
import { formatSummary } from "./format-status.js";
import { createRedactor } from "./redactor.js";
import { createStatusOutput } from "./status-output.js";

/**
 * Boots the app with a live status, prints the summary once everything settled, and on
 * SIGINT/SIGTERM stops it in reverse dependency order. A second Ctrl-C exits at once (the next run
 * reaps what is left).
 */
export async function runApp(application: DistributedApplication): Promise<void> {
  const secrets = await secretValues(application);
  const nameWidth = Math.max(...application.resources.map((r) => r.name.length), 8);
  const output = createStatusOutput({ tty: Boolean(process.stdout.isTTY), redact: createRedactor(secrets), nameWidth });
  const started = Date.now();
  const app = await application.start({ onLog: output.log, onProgress: output.message });
  const unsubscribe = watch(app, output);
  const stopRequested = waitForStopSignal(output);
  await Promise.race([app.settled, stopRequested]);
  output.done();
  if (!(await isResolved(stopRequested))) formatSummary(app.resources(), Date.now() - started).forEach((line) => output.message(line));
  await stopRequested;
  output.message("stopping…");
  await app.stop();
  unsubscribe();
  output.message("stopped; session containers and network removed, volumes kept");
}

function watch(app: RunningApp, output: ReturnType<typeof createStatusOutput>): () => void {
  const abort = new AbortController();
  void (async () => {
    for await (const event of app.events(abort.signal)) output.update(app.resources(), event.snapshot);
  })();
  return () => abort.abort();
}

function waitForStopSignal(output: ReturnType<typeof createStatusOutput>): Promise<void> {
  return new Promise((resolve) => {
    let requested = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (requested) {
        output.message(`${signal} again: exiting now; the next run removes what is left`);
        process.exit(130);
      }
      requested = true;
      resolve();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

async function isResolved(promise: Promise<void>): Promise<boolean> {
  const marker = Symbol();
  return (await Promise.race([promise, Promise.resolve(marker)])) !== marker;
}

async function secretValues(application: DistributedApplication): Promise<string[]> {
  const values = await resolveParameters(application.resources, application.appHost);
  return [...values].filter(([parameter]) => parameter instanceof ParameterResource && parameter.secret).map(([, value]) => value);
}
