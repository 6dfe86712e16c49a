import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EngineTls } from "./engine-endpoint.js";

type Env = Readonly<Record<string, string | undefined>>;

/** The Docker CLI's current context, as far as bosun could read it. */
export type DockerContext =
  | { readonly name: string; readonly host: string; readonly tls?: EngineTls }
  | { readonly name: string; readonly host?: undefined; readonly problem: string };

/** The Docker CLI's configuration folder: `$DOCKER_CONFIG`, else `~/.docker`. */
function dockerConfigDir(env: Env, homeDir: string): string {
  return env["DOCKER_CONFIG"] || join(homeDir, ".docker");
}

/**
 * Reads the current Docker context like the Docker CLI: `DOCKER_CONTEXT`, else `currentContext` in
 * `config.json`; its endpoint lives in `contexts/meta/<sha256 of the name>/meta.json`.
 * Returns undefined for the built-in `default` context or when none is selected.
 */
export function readCurrentDockerContext(env: Env, homeDir: string): DockerContext | undefined {
  const configDir = dockerConfigDir(env, homeDir);
  const selected = env["DOCKER_CONTEXT"] || readCurrentContextName(join(configDir, "config.json"));
  if (typeof selected === "object") return selected;
  if (selected === undefined || selected === "default") return undefined;

  const id = createHash("sha256").update(selected).digest("hex");
  const metaPath = join(configDir, "contexts", "meta", id, "meta.json");
  const meta = readJson(metaPath);
  if (meta.problem !== undefined) return { name: selected, problem: meta.problem };
  const docker = (meta.value as ContextMeta | undefined)?.Endpoints?.docker;
  if (typeof docker?.Host !== "string" || docker.Host === "") {
    return { name: selected, problem: `${metaPath} names no docker endpoint` };
  }

  const certDir = join(configDir, "contexts", "tls", id, "docker");
  const hasTls = existsSync(join(certDir, "ca.pem")) || existsSync(join(certDir, "cert.pem"));
  return hasTls
    ? { name: selected, host: docker.Host, tls: { certDir, verify: docker.SkipTLSVerify !== true } }
    : { name: selected, host: docker.Host };
}

interface ContextMeta {
  readonly Endpoints?: { readonly docker?: { readonly Host?: unknown; readonly SkipTLSVerify?: unknown } };
}

function readCurrentContextName(configPath: string): string | undefined | { name: string; problem: string } {
  if (!existsSync(configPath)) return undefined;
  const config = readJson(configPath);
  if (config.problem !== undefined) return { name: "(unknown)", problem: config.problem };
  const name = (config.value as { currentContext?: unknown } | undefined)?.currentContext;
  return typeof name === "string" && name !== "" ? name : undefined;
}

function readJson(path: string): { value?: unknown; problem?: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { problem: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { problem: `${path} is not valid JSON` };
  }
}
