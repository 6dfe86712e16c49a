import { execFile } from "node:child_process";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createBuilder, type DistributedApplicationBuilder } from "../app/distributed-application-builder.js";
import { connectEngine } from "../engine/connect-engine.js";
import type { EngineClient } from "../engine/engine-client.js";
import { loadImageSubstitution } from "../images/image-substitution.js";
import type { Resource } from "../model/resource.js";
import type { ContainerResource } from "../model/container-resource.js";
import { renderArgs, renderEnvironment } from "../model/environment.js";
import { createRuntimeResolver, type AllocatedEndpoint } from "../model/value-resolver.js";
import type { ResourceRuntime, SessionInfo, StartRequest } from "../runtime/resource-runtime.js";
import { appKeyOf } from "../runtime/docker/docker-labels.js";
import { createDockerRuntime, type DockerRuntimeOptions } from "../runtime/docker/docker-runtime.js";
import { downApp } from "../runtime/docker/down-app.js";

export const PASSWORD = "bosun-test-password";
export const execFileAsync = promisify(execFile);

/** A throw-away AppHost for one test file: its own app name and id, so parallel files never collide. */
export interface DockerFixture {
  readonly engine: EngineClient;
  readonly builder: DistributedApplicationBuilder;
  readonly appKey: string;
  session(id?: string): SessionInfo;
  runtime(session: SessionInfo, options?: Partial<DockerRuntimeOptions>): ResourceRuntime;
  /** Removes everything the app has on the engine, volumes included, and the AppHost folder. */
  cleanup(): Promise<void>;
}

export async function createDockerFixture(appName: string): Promise<DockerFixture> {
  const engine = await connectEngine();
  const folder = mkdtempSync(path.join(tmpdir(), `bosun-${appName}-`));
  const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName });
  const substitution = loadImageSubstitution({ env: process.env, cwd: process.cwd() });
  let sessions = 0;
  return {
    engine,
    builder,
    appKey: appKeyOf(builder.appHost),
    session: (id) => ({ appHost: builder.appHost, id: id ?? `s${(sessions += 1)}${Date.now().toString(36).slice(-4)}`, pid: process.pid }),
    runtime: (session, options = {}) => createDockerRuntime({ engine, session, substitution, ...options }),
    cleanup: async () => {
      await downApp({ engine, appKey: appKeyOf(builder.appHost), volumes: true });
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A start request with values rendered for the app network, as the orchestrator would send it. */
export function requestFor(resource: ContainerResource, signal = new AbortController().signal): StartRequest & { readonly logs: string[] } {
  const resolver = createRuntimeResolver("container", {
    endpoint: (reference) => containerEndpoint(reference.resource, reference.endpointName),
    parameter: () => PASSWORD,
  });
  const logs: string[] = [];
  return {
    resource,
    env: renderEnvironment(resource, resolver),
    args: renderArgs(resource, resolver),
    endpoints: new Map(),
    onLog: (_stream, line) => logs.push(line),
    signal,
    logs,
  };
}

function containerEndpoint(resource: Resource, name: string): AllocatedEndpoint {
  const endpoint = resource.annotationsOf("endpoint").find((e) => e.name === name);
  if (!endpoint) throw new Error(`${resource.name} has no endpoint ${name}`);
  const targetPort = endpoint.targetPort ?? endpoint.port ?? 0;
  return { scheme: endpoint.scheme, hostPort: 0, targetPort, containerHost: resource.name };
}

/** The pid of a process that has just ended, so nothing answers `kill(pid, 0)`. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

/** Polls until `probe` returns a value, or fails after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
