import { homedir } from "node:os";
import { EngineUnreachableError } from "../errors/bosun-error.js";
import { DockerodeEngineClient } from "./dockerode/dockerode-engine-client.js";
import { createDockerode } from "./dockerode/create-dockerode.js";
import { pingEngine } from "./dockerode/ping-engine.js";
import type { EngineCandidate } from "./engine-candidate.js";
import type { EngineClient } from "./engine-client.js";
import { engineMessage, engineStatusCode } from "./engine-error.js";
import { resolveEngineCandidates } from "./resolve-engine-candidates.js";

export const DEFAULT_PING_TIMEOUT_MS = 3_000;

export interface ConnectEngineOptions {
  /** Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to the user's home folder. */
  readonly homeDir?: string;
  /** Where to look, in order; defaults to resolveEngineCandidates({ env, homeDir }). */
  readonly candidates?: readonly EngineCandidate[];
  /** How long each candidate gets to answer a ping. */
  readonly pingTimeoutMs?: number;
}

/**
 * Connects to the first Docker engine that answers a ping: DOCKER_HOST, then the current Docker
 * context, then the default sockets. Throws EngineUnreachableError listing every place tried.
 * @example const engine = await connectEngine(); console.log(engine.endpoint);
 */
export async function connectEngine(options: ConnectEngineOptions = {}): Promise<EngineClient> {
  const env = options.env ?? process.env;
  const candidates = options.candidates ?? resolveEngineCandidates({ env, homeDir: options.homeDir ?? homedir() });
  const timeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  const failures: string[] = [];

  for (const candidate of candidates) {
    if (candidate.endpoint === undefined) {
      failures.push(`${candidate.description} (${candidate.problem})`);
      continue;
    }
    try {
      const docker = await createDockerode(candidate.endpoint);
      await pingEngine(docker, AbortSignal.timeout(timeoutMs));
      return new DockerodeEngineClient(docker, candidate.description);
    } catch (error) {
      failures.push(`${candidate.description} (${describePingFailure(error, timeoutMs)})`);
    }
  }
  const tried = failures.length === 0 ? "nothing to try" : `tried ${failures.join(", ")}`;
  throw new EngineUnreachableError(`no Docker engine reachable: ${tried}; start Docker or set DOCKER_HOST`);
}

/** A few words on why a ping failed: an errno code, a timeout, or the HTTP answer. */
function describePingFailure(error: unknown, timeoutMs: number): string {
  const name = (error as Error | null)?.name;
  if (name === "AbortError" || name === "TimeoutError") return `no answer within ${formatSeconds(timeoutMs)}`;
  const status = engineStatusCode(error);
  if (status !== undefined) return `answered HTTP ${status}: ${engineMessage(error)}`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "EACCES") return "EACCES: permission denied; add your user to the docker group";
  if (code !== undefined) return code;
  return engineMessage(error);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
