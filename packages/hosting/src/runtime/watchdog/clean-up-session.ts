import type { EngineClient } from "../../engine/engine-client.js";
import { reapOrphans } from "../docker/reap-orphans.js";
import { endSessionProcesses } from "../process/reap-orphan-processes.js";
import { retryUntilDeadline } from "./retry-until-deadline.js";
import type { WatchdogConfig } from "./watchdog-config.js";

/** What the watchdog removed after its AppHost died, for its log line. */
export interface SessionCleanUp {
  readonly processes: readonly string[];
  readonly containers: readonly string[];
  readonly networks: readonly string[];
  /** How many times the engine was tried (more than 1 when it was briefly unreachable). */
  readonly attempts: number;
  /** Why the containers could not be removed before the deadline; undefined when they were. */
  readonly failure?: string;
}

export interface CleanUpDependencies {
  /** Connects to the engine; called again after a failure until one connection works. */
  readonly connect: () => Promise<EngineClient>;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly retryIntervalMs?: number;
}

const RETRY_INTERVAL_MS = 250;

/**
 * Removes one dead AppHost's session: its process groups first (no engine needed), then its
 * containers (anonymous volumes with them) and network, by the session's labels, retrying while
 * the engine does not answer until `deadlineMs` has passed. Persistent containers, the app
 * network and named volumes stay; other sessions are never looked at.
 */
export async function cleanUpSession(config: WatchdogConfig, dependencies: CleanUpDependencies): Promise<SessionCleanUp> {
  const now = dependencies.now ?? Date.now;
  const deadline = now() + config.deadlineMs;
  const processes = await endSessionProcesses(config.sessionId, config.processDirectory);
  if (!config.containers) return { processes, containers: [], networks: [], attempts: 0 };
  let engine: EngineClient | undefined;
  const outcome = await retryUntilDeadline(
    async () => {
      engine ??= await dependencies.connect();
      // The owner is known to be gone: the pipe to it closed without a release.
      return reapOrphans({ engine, appKey: config.appKey, session: config.sessionId, isAlive: () => false });
    },
    { deadline, intervalMs: dependencies.retryIntervalMs ?? RETRY_INTERVAL_MS, now, ...(dependencies.sleep ? { sleep: dependencies.sleep } : {}) },
  );
  if (outcome.ok) return { processes, ...outcome.value, attempts: outcome.attempts };
  const failure = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return { processes, containers: [], networks: [], attempts: outcome.attempts, failure };
}
