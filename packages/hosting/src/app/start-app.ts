import { randomBytes } from "node:crypto";
import getPort from "get-port";
import { BosunError } from "../errors/bosun-error.js";
import { connectEngine } from "../engine/connect-engine.js";
import type { EngineClient } from "../engine/engine-client.js";
import { loadImageSubstitution } from "../images/image-substitution.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import { ContainerResource } from "../model/container-resource.js";
import type { Resource } from "../model/resource.js";
import { dependentsOf } from "../orchestrator/dependency-graph.js";
import { Orchestrator } from "../orchestrator/orchestrator.js";
import type { ProbeSchedule } from "../health/backoff.js";
import { resolveParameters, type ResolvedParameters } from "../parameters/resolve-parameters.js";
import { volumesOlderThanTheirPassword } from "../parameters/stale-volumes.js";
import { appKeyOf, createDockerRuntime, reapOrphans } from "../runtime/docker/index.js";
import { createProcessRuntime } from "../runtime/process/process-runtime.js";
import { reapOrphanProcesses } from "../runtime/process/reap-orphan-processes.js";
import type { LogStream, ResourceRuntime, SessionInfo } from "../runtime/resource-runtime.js";
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

/** Builds the session's runtimes, checks everything that can fail up front, then starts the model. */
export async function startApp(resources: readonly Resource[], appHost: AppHostInfo, options: StartOptions = {}): Promise<RunningApp> {
  const env = options.env ?? process.env;
  const session: SessionInfo = { appHost, id: randomBytes(3).toString("hex"), pid: process.pid };
  const parameters = await resolveParameters(resources, appHost, env);
  const parameterValues = parameters.values;
  options.onSecrets?.([...parameterValues].filter(([parameter]) => parameter.secret).map(([, value]) => value));
  const reapedProcesses = await reapOrphanProcesses();
  if (reapedProcesses.length > 0) options.onProgress?.(`ended processes left by an earlier run that ended abruptly: ${reapedProcesses.join(", ")}`);
  const runtimes = options.runtimes?.(session) ?? (await defaultRuntimes(resources, session, env, parameters, options));
  await preflight(resources, runtimes, options);
  const orchestrator = new Orchestrator({
    resources,
    runtimes,
    parameterValues,
    allocatePort: freePort,
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.defaultStartupTimeoutMs ? { defaultStartupTimeoutMs: options.defaultStartupTimeoutMs } : {}),
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  return new RunningApp(orchestrator, orchestrator.start(), session, resources);
}

/**
 * Stops before anything starts when a problem would break the app. An image that cannot be had for
 * a resource nothing depends on (pgAdmin, say) is only announced: that resource fails, the rest runs.
 */
async function preflight(resources: readonly Resource[], runtimes: readonly ResourceRuntime[], options: StartOptions): Promise<void> {
  const problems = (await Promise.all(runtimes.map((r) => r.preflight?.(resources) ?? []))).flat();
  const needed = new Set([...dependentsOf(resources)].filter(([, dependents]) => dependents.length > 0).map(([target]) => target.name));
  const blocking = problems.filter((p) => p.kind !== "image" || needed.has(p.resource));
  for (const problem of problems.filter((p) => !blocking.includes(p))) {
    options.onProgress?.(`${problem.message} (nothing depends on '${problem.resource}', so the rest starts without it)`);
  }
  if (blocking.length > 0) {
    throw new BosunError(`cannot start the app:\n${blocking.map((p) => `  - ${p.message}`).join("\n")}`, { code: "CONFIGURATION" });
  }
}

async function defaultRuntimes(
  resources: readonly Resource[],
  session: SessionInfo,
  env: NodeJS.ProcessEnv,
  parameters: ResolvedParameters,
  options: StartOptions,
): Promise<ResourceRuntime[]> {
  const runtimes = [createProcessRuntime({ session })];
  if (!resources.some((r) => r instanceof ContainerResource)) return runtimes;
  const engine = options.engine ?? (await connectEngine({ env }));
  const appKey = appKeyOf(session.appHost);
  const reaped = await reapOrphans({ engine, appKey });
  if (reaped.containers.length + reaped.networks.length > 0) {
    options.onProgress?.(`removed ${reaped.containers.length} container(s) and ${reaped.networks.length} network(s) left by an earlier run that ended abruptly`);
  }
  for (const warning of await volumesOlderThanTheirPassword(engine, resources, parameters)) options.onProgress?.(warning);
  const substitution = loadImageSubstitution({ env, cwd: process.cwd() });
  const onImageProgress = (resource: string, text: string) => options.onProgress?.(`${resource}: ${text}`);
  return [createDockerRuntime({ engine, session, substitution, onImageProgress }), ...runtimes];
}

/** A port nothing listens on right now, on the loopback interface. */
function freePort(): Promise<number> {
  return getPort({ host: "127.0.0.1" });
}
