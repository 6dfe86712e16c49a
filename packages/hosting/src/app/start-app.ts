import { randomBytes } from "node:crypto";
import getPort from "get-port";
import { connectEngine } from "../engine/connect-engine.js";
import type { EngineClient } from "../engine/engine-client.js";
import { loadImageSubstitution } from "../images/image-substitution.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import { ContainerResource } from "../model/container-resource.js";
import type { ParameterResource } from "../model/parameter-resource.js";
import type { Resource } from "../model/resource.js";
import { Orchestrator } from "../orchestrator/orchestrator.js";
import type { ProbeSchedule } from "../health/backoff.js";
import { resolveParameters } from "../parameters/resolve-parameters.js";
import { createDockerRuntime } from "../runtime/docker/index.js";
import { createProcessRuntime } from "../runtime/process/process-runtime.js";
import { reapOrphanProcesses } from "../runtime/process/reap-orphan-processes.js";
import type { LogStream, ResourceRuntime, SessionInfo } from "../runtime/resource-runtime.js";
import { startWatchdog } from "../runtime/watchdog/start-watchdog.js";
import { prepareStart } from "./prepare-start.js";
import { RunningApp } from "./running-app.js";

export interface StartOptions {
  /** Environment parameters and image substitution are read from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Every line a resource writes. */
  readonly onLog?: (resource: string, stream: LogStream, line: string) => void;
  /** Receives the secret parameter values before anything starts, so output can redact them. */
  readonly onSecrets?: (values: readonly string[]) => void;
  /** Progress of image pulls and of bosun's own preparation. */
  readonly onProgress?: (message: string) => void;
  /** Use this engine instead of discovering one. */
  readonly engine?: EngineClient;
  /** Replace the built-in runtimes (the testing package does). */
  readonly runtimes?: (session: SessionInfo) => ResourceRuntime[];
  readonly schedule?: ProbeSchedule;
  readonly defaultStartupTimeoutMs?: number;
}

/**
 * Builds the session's runtimes, checks everything that can fail up front, then starts the model.
 * Independent steps overlap: the engine connection and the session network with reading the
 * secrets and /proc, reaping and preflight. When a step fails, what was opened is closed again.
 */
export async function startApp(resources: readonly Resource[], appHost: AppHostInfo, options: StartOptions = {}): Promise<RunningApp> {
  const env = options.env ?? process.env;
  const session: SessionInfo = { appHost, id: randomBytes(3).toString("hex"), pid: process.pid };
  const hasContainers = resources.some((r) => r instanceof ContainerResource);
  const needsEngine = !options.runtimes && hasContainers;
  // Started first: from here on, whatever this session creates goes if this process dies.
  const watchdog = startWatchdog(session, { containers: hasContainers, env });
  const engine = needsEngine ? handledLater(options.engine ? Promise.resolve(options.engine) : connectEngine({ env })) : undefined;
  const runtimes = handledLater(
    (async () => {
      const built = options.runtimes?.(session) ?? defaultRuntimes(resources, session, env, await engine, options);
      // Its failure surfaces when the orchestrator awaits the same opening.
      Promise.all(built.map((r) => r.open?.())).catch(() => {});
      return built;
    })(),
  );
  let parameterValues: ReadonlyMap<ParameterResource, string>;
  try {
    const [parameters, reapedProcesses] = await Promise.all([resolveParameters(resources, appHost, env), reapOrphanProcesses()]);
    parameterValues = parameters.values;
    options.onSecrets?.([...parameterValues].filter(([parameter]) => parameter.secret).map(([, value]) => value));
    if (reapedProcesses.length > 0) options.onProgress?.(`ended processes left by an earlier run that ended abruptly: ${reapedProcesses.join(", ")}`);
    await prepareStart({ resources, runtimes: await runtimes, session, parameters, engine: await engine, onProgress: options.onProgress });
  } catch (error) {
    const opened = await runtimes.catch(() => []);
    await Promise.allSettled(opened.map((r) => r.close?.()));
    await watchdog?.release();
    throw error;
  }
  const orchestrator = new Orchestrator({
    resources,
    runtimes: await runtimes,
    parameterValues,
    allocatePort: freePort,
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.defaultStartupTimeoutMs ? { defaultStartupTimeoutMs: options.defaultStartupTimeoutMs } : {}),
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  // After a clean stop the watchdog has nothing left to guard; a stop that throws keeps it on duty.
  return new RunningApp(orchestrator, orchestrator.start(), session, resources, watchdog && (() => watchdog.release()));
}

/** The promise itself, marked as handled: it is awaited later, after steps that may throw first. */
function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function defaultRuntimes(
  resources: readonly Resource[],
  session: SessionInfo,
  env: NodeJS.ProcessEnv,
  engine: EngineClient | undefined,
  options: StartOptions,
): ResourceRuntime[] {
  const runtimes = [createProcessRuntime({ session })];
  if (!engine) return runtimes;
  const substitution = loadImageSubstitution({ env, cwd: process.cwd() });
  const onImageProgress = (resource: string, text: string) => options.onProgress?.(`${resource}: ${text}`);
  return [createDockerRuntime({ engine, session, substitution, onImageProgress, resources }), ...runtimes];
}

/** A port nothing listens on right now, on the loopback interface. */
function freePort(): Promise<number> {
  return getPort({ host: "127.0.0.1" });
}
