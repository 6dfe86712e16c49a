import type { EngineClient } from "../../engine/engine-client.js";
import type { LogSubscription } from "../../engine/container-client.js";
import type { AllocatedEndpoint } from "../../model/value-resolver.js";
import type { LogStream, StartedResource } from "../resource-runtime.js";

/** How long a container gets to stop on its image's stop signal before the engine kills it. */
export const STOP_TIMEOUT_SECONDS = 10;

export interface AttachOptions {
  readonly engine: EngineClient;
  readonly id: string;
  readonly endpoints: ReadonlyMap<string, AllocatedEndpoint>;
  readonly persistent: boolean;
  /** The session network a persistent container leaves on stop; none when it is only on the app network. */
  readonly network?: string;
  readonly onLog: (stream: LogStream, line: string) => void;
  /** Only output written after this moment (a reused container's history is not replayed). */
  readonly logsSince?: Date;
}

/**
 * Follows a started container's output and exit. `stop()` stops and removes a session container
 * (named volumes stay); a persistent one keeps running and is only detached from the session
 * network, after which `exited` settles with 0 since bosun no longer watches it.
 */
export async function attachContainer(options: AttachOptions): Promise<StartedResource> {
  const { engine, id } = options;
  const logs = await engine.containers.logs(id, {
    follow: true,
    ...(options.logsSince ? { since: options.logsSince } : {}),
    onLine: options.onLog,
  });
  const watching = new AbortController();
  let detached: (code: number) => void = () => {};
  const exited = Promise.race([
    waitForExit(engine, id, watching.signal),
    new Promise<number>((resolve) => (detached = resolve)),
  ]);
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    if (options.persistent) await detach(options, logs, watching, () => detached(0));
    else await stopAndRemove(engine, id, logs);
  };
  return {
    endpoints: options.endpoints,
    exited,
    stop: () => (stopping ??= stop()),
  };
}

async function stopAndRemove(engine: EngineClient, id: string, logs: LogSubscription): Promise<void> {
  try {
    await engine.containers.stop(id, { timeoutSeconds: STOP_TIMEOUT_SECONDS });
    await engine.containers.remove(id, { force: true, removeVolumes: true });
  } finally {
    logs.stop();
  }
}

async function detach(options: AttachOptions, logs: LogSubscription, watching: AbortController, settle: () => void): Promise<void> {
  logs.stop();
  watching.abort();
  settle();
  if (options.network) await options.engine.networks.disconnect(options.network, options.id);
}

/** How often a waited-for container is also asked after directly (a wait can hang when the engine restarts). */
export const EXIT_POLL_MS = 5_000;

/**
 * The exit code; never rejects, since nobody may be listening when the engine goes away. An
 * engine that restarts breaks the wait, or (Podman) leaves it hanging forever, so the container is
 * also inspected every few seconds: gone or stopped settles it, running waits on (anew after a
 * broken wait), and an engine that does not answer is asked again until it does.
 */
async function waitForExit(engine: EngineClient, id: string, signal: AbortSignal): Promise<number> {
  const never = new Promise<never>(() => {});
  const waitOnce = () => engine.containers.wait(id, { signal }).catch(() => "broken" as const);
  let waiting: Promise<number | "broken"> | undefined = waitOnce();
  for (;;) {
    const waited = await Promise.race([waiting ?? never, pause(EXIT_POLL_MS, signal).then(() => "poll" as const)]);
    if (signal.aborted) return never;
    if (typeof waited === "number") return waited;
    // A broken wait is not asked again until the engine answers that the container still runs.
    if (waited === "broken") waiting = undefined;
    const info = await engine.containers.inspect(id).then(
      (found) => found ?? ("gone" as const),
      () => "unreachable" as const,
    );
    if (info === "unreachable") continue;
    if (info === "gone") return -1;
    if (!info.running) return info.exitCode;
    waiting ??= waitOnce();
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
