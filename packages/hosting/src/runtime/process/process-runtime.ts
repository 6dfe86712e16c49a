import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { BosunError } from "../../errors/bosun-error.js";
import getPort from "get-port";
import { ExecutableResource } from "../../model/executable-resource.js";
import { NodeAppResource } from "../../model/node-app-resource.js";
import type { AllocatedEndpoint } from "../../model/value-resolver.js";
import type { Resource } from "../../model/resource.js";
import type { ResourceRuntime, SessionInfo, StartedResource, StartRequest } from "../resource-runtime.js";
import { commandLineOf } from "./command-line.js";
import { ProcessRegistry } from "./process-registry.js";
import { stopProcessGroup } from "./stop-process-group.js";

export interface ProcessRuntimeOptions {
  readonly session: SessionInfo;
  /** Where started process groups are recorded for reaping after a crash; default: the user's state folder. */
  readonly registry?: ProcessRegistry;
  /** How long a process may take to exit after SIGTERM before it is killed. */
  readonly gracePeriodMs?: number;
}

/** Runs executables, Node apps and npm scripts as child processes, each in its own process group. */
export function createProcessRuntime(options: ProcessRuntimeOptions): ResourceRuntime {
  const registry = options.registry ?? new ProcessRegistry(options.session);
  return {
    name: "process",
    target: "host",
    supports: (resource: Resource) => resource instanceof ExecutableResource,
    start: (request) => startProcess(request as StartRequest<ExecutableResource>, options, registry),
  };
}

async function startProcess(request: StartRequest<ExecutableResource>, options: ProcessRuntimeOptions, registry: ProcessRegistry): Promise<StartedResource> {
  const { resource } = request;
  const inspector = await inspectorEndpoint(request);
  const { command, args } = commandLineOf(resource, request.args, inspector?.hostPort);
  const child = spawn(command, args, {
    cwd: resource.workingDirectory,
    // The session id lets a later run recognise this process as ours before reaping it.
    env: { ...process.env, ...request.env, BOSUN_SESSION: options.session.id, BOSUN_RESOURCE: resource.name },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Exit and output are listened for before anything is awaited: a process that ends at once (a job
  // that fails on its first line) can exit while the registry is written; 'exit' is emitted only
  // once, and on exit Node drains output nobody reads yet, so its last lines would be lost.
  const exited = new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? 128 + signalNumber(signal))));
  followLines(child, request);
  await spawned(child, resource, command);
  await registry.add(resource.name, child.pid!);
  void exited.then(() => registry.remove(resource.name, child.pid));
  return {
    endpoints: inspector ? new Map([...request.endpoints, [INSPECTOR_ENDPOINT, inspector]]) : request.endpoints,
    exited,
    stop: () => stopProcessGroup(child, exited, options.gracePeriodMs ?? 5_000),
  };
}

/** The name under which the inspector's address shows with the app's endpoints. */
export const INSPECTOR_ENDPOINT = "inspector";

/**
 * For a Node app with `.withInspect()`: the inspector's port, the one it had before when this is a
 * restart (the orchestrator hands the previous endpoints back), else a free one.
 */
async function inspectorEndpoint(request: StartRequest<ExecutableResource>): Promise<AllocatedEndpoint | undefined> {
  if (!(request.resource instanceof NodeAppResource) || !request.resource.lastAnnotationOf("inspect")) return undefined;
  const port = request.endpoints.get(INSPECTOR_ENDPOINT)?.hostPort ?? (await getPort({ host: "127.0.0.1" }));
  return { scheme: "http", hostPort: port, targetPort: port, containerHost: undefined };
}

function spawned(child: ChildProcess, resource: Resource, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", (error) => {
      const hint = (error as NodeJS.ErrnoException).code === "ENOENT" ? `'${command}' was not found (or its working directory is missing)` : error.message;
      reject(new BosunError(`resource '${resource.name}' could not start: ${hint}; check the command and folder given to add…("${resource.name}", …)`, { code: "RUNTIME", cause: error }));
    });
  });
}

function followLines(child: ChildProcess, request: StartRequest): void {
  for (const stream of ["stdout", "stderr"] as const) {
    const source = child[stream];
    if (source) createInterface({ input: source, crlfDelay: Infinity }).on("line", (line) => request.onLog(stream, line));
  }
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === "SIGKILL" ? 9 : signal === "SIGTERM" ? 15 : signal === "SIGINT" ? 2 : 0;
}
