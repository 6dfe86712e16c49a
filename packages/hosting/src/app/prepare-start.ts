import type { EngineClient } from "../engine/engine-client.js";
import { describeEngine } from "../engine/engine-product.js";
import { BosunError } from "../errors/bosun-error.js";
import type { Resource } from "../model/resource.js";
import { dependentsOf } from "../orchestrator/dependency-graph.js";
import type { ResolvedParameters } from "../parameters/resolve-parameters.js";
import { volumesOlderThanTheirPassword } from "../parameters/stale-volumes.js";
import { appKeyOf, reapOrphans } from "../runtime/docker/index.js";
import type { ResourceRuntime, SessionInfo } from "../runtime/resource-runtime.js";

export interface PrepareStartOptions {
  readonly resources: readonly Resource[];
  readonly runtimes: readonly ResourceRuntime[];
  readonly session: SessionInfo;
  readonly parameters: ResolvedParameters;
  /** The engine bosun's own Docker runtime uses; undefined when it runs no containers. */
  readonly engine: EngineClient | undefined;
  readonly onProgress?: (message: string) => void;
}

/**
 * The checks before the first resource starts: the engine is cleared of what ended runs left (and
 * volumes older than their password are announced), then preflight asks every runtime what would
 * fail. Throws one error listing the problems that would break the app.
 */
export async function prepareStart(options: PrepareStartOptions): Promise<void> {
  await Promise.all([announceEngine(options), reapEndedSessions(options), warnAboutStaleVolumes(options)]);
  // After reaping: a host port may be held by a container of a run that ended abruptly.
  await preflight(options);
}

/** Says which engine runs the containers (Docker or Podman), and where it was found. */
async function announceEngine({ engine, onProgress }: PrepareStartOptions): Promise<void> {
  if (!engine || !onProgress) return;
  onProgress(`engine: ${describeEngine(await engine.version(), engine.endpoint)}`);
}

async function reapEndedSessions({ engine, session, onProgress }: PrepareStartOptions): Promise<void> {
  if (!engine) return;
  const reaped = await reapOrphans({ engine, appKey: appKeyOf(session.appHost) });
  if (reaped.containers.length + reaped.networks.length > 0) {
    onProgress?.(`removed ${reaped.containers.length} container(s) and ${reaped.networks.length} network(s) left by an earlier run that ended abruptly`);
  }
}

async function warnAboutStaleVolumes({ engine, resources, parameters, onProgress }: PrepareStartOptions): Promise<void> {
  if (!engine) return;
  for (const warning of await volumesOlderThanTheirPassword(engine, resources, parameters)) onProgress?.(warning);
}

/**
 * Stops before anything starts when a problem would break the app. An image that cannot be had for
 * a resource nothing depends on (pgAdmin, say) is only announced: that resource fails, the rest runs.
 */
async function preflight({ resources, runtimes, onProgress }: PrepareStartOptions): Promise<void> {
  const problems = (await Promise.all(runtimes.map((r) => r.preflight?.(resources) ?? []))).flat();
  const needed = new Set([...dependentsOf(resources)].filter(([, dependents]) => dependents.length > 0).map(([target]) => target.name));
  const blocking = problems.filter((p) => p.kind !== "image" || needed.has(p.resource));
  for (const problem of problems.filter((p) => !blocking.includes(p))) {
    onProgress?.(`${problem.message} (nothing depends on '${problem.resource}', so the rest starts without it)`);
  }
  if (blocking.length > 0) {
    throw new BosunError(`cannot start the app:\n${blocking.map((p) => `  - ${p.message}`).join("\n")}`, { code: "CONFIGURATION" });
  }
}
