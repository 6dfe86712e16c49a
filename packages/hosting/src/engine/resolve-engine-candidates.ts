import { join } from "node:path";
import { BosunError } from "../errors/bosun-error.js";
import { readCurrentDockerContext } from "./docker-context.js";
import type { EngineCandidate } from "./engine-candidate.js";
import { parseDockerHost, type EngineTls } from "./engine-endpoint.js";

export interface ResolveEngineCandidatesOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
}

/**
 * Lists where to look for a Docker engine, in order: DOCKER_HOST, the current Docker context, the
 * default Docker sockets (`/var/run/docker.sock`, `~/.docker/run/docker.sock`,
 * `$XDG_RUNTIME_DIR/docker.sock`), then Podman's Docker-compatible service sockets (rootful
 * `/run/podman/podman.sock`, rootless `$XDG_RUNTIME_DIR/podman/podman.sock`).
 * Reads files but opens no connection.
 * @example resolveEngineCandidates({ env: process.env, homeDir: os.homedir() })
 */
export function resolveEngineCandidates(options: ResolveEngineCandidatesOptions): EngineCandidate[] {
  const { env, homeDir } = options;
  const candidates: EngineCandidate[] = [];

  const dockerHost = env["DOCKER_HOST"]?.trim();
  if (dockerHost) candidates.push(fromAddress(`DOCKER_HOST=${dockerHost}`, dockerHost, tlsFromEnv(env, homeDir)));

  const context = readCurrentDockerContext(env, homeDir);
  if (context?.host !== undefined) {
    candidates.push(fromAddress(`docker context '${context.name}' (${context.host})`, context.host, context.tls));
  } else if (context !== undefined) {
    candidates.push({ description: `docker context '${context.name}'`, problem: context.problem });
  }

  const xdgRuntimeDir = env["XDG_RUNTIME_DIR"];
  const sockets = ["/var/run/docker.sock", join(homeDir, ".docker", "run", "docker.sock")];
  if (xdgRuntimeDir) sockets.push(join(xdgRuntimeDir, "docker.sock"));
  const podmanSockets = ["/run/podman/podman.sock"];
  if (xdgRuntimeDir) podmanSockets.push(join(xdgRuntimeDir, "podman", "podman.sock"));
  for (const socketPath of sockets) addSocket(candidates, `default socket ${socketPath}`, socketPath);
  for (const socketPath of podmanSockets) addSocket(candidates, `Podman socket ${socketPath}`, socketPath);
  return candidates;
}

function addSocket(candidates: EngineCandidate[], description: string, socketPath: string): void {
  const known = candidates.some((c) => c.endpoint?.kind === "unix" && c.endpoint.socketPath === socketPath);
  if (!known) candidates.push({ description, endpoint: { kind: "unix", socketPath } });
}

function fromAddress(description: string, address: string, tls: EngineTls | undefined): EngineCandidate {
  try {
    const endpoint = parseDockerHost(address, address.startsWith("unix://") ? undefined : tls);
    return { description, endpoint };
  } catch (error) {
    const problem = error instanceof BosunError ? error.message : String(error);
    return { description, problem };
  }
}

function tlsFromEnv(env: ResolveEngineCandidatesOptions["env"], homeDir: string): EngineTls | undefined {
  if (!env["DOCKER_TLS_VERIFY"]) return undefined;
  return { certDir: env["DOCKER_CERT_PATH"] || join(homeDir, ".docker"), verify: true };
}
