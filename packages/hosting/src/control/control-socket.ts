import { mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { describeError } from "../errors/describe-error.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import type { ResourceSnapshot } from "../orchestrator/resource-state.js";
import { appKeyOf } from "../runtime/docker/docker-labels.js";
import { processStateDirectory } from "../runtime/process/process-registry.js";
import { handleSnapshotRequest, type SnapshotCapableApp, type SnapshotRequest } from "../snapshot/snapshot-control.js";

/** What `run` does for a `restart <name>` (and `snapshot`, `restore`) from another terminal. */
export interface ControlledApp extends Partial<SnapshotCapableApp> {
  restartResource(name: string, why?: string): Promise<void>;
  resource(name: string): ResourceSnapshot;
}

/** One request per connection: a JSON line `{"restart":"<name>"}` (or a SnapshotRequest); the answer is one JSON line. */
interface ControlRequest extends SnapshotRequest {
  readonly restart?: string;
}

export type ControlReply = { readonly ok: true; readonly snapshot: ResourceSnapshot; readonly ms: number } | { readonly ok: false; readonly error: string };

/** The running AppHost's socket: beside the session files, one per app (name and folder). */
export function controlSocketPath(appHost: AppHostInfo, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.dirname(processStateDirectory(env)), "control", `${appKeyOf(appHost)}.sock`);
}

/**
 * Listens on the app's control socket while `run` runs. A socket left by a run that was killed is
 * replaced; one a live run still answers on is left alone (resolves undefined: restart by hand then
 * goes to that run).
 */
export async function serveControl(socketPath: string, app: ControlledApp): Promise<{ close(): void } | undefined> {
  if (await answers(socketPath)) return undefined;
  mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    let text = "";
    socket.setEncoding("utf8");
    // One request per connection: the first line is handled once, whatever the client sends after it.
    const onData = (chunk: string) => {
      text += chunk;
      if (!text.includes("\n")) return;
      socket.off("data", onData);
      void handle(app, text.slice(0, text.indexOf("\n"))).then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
    };
    socket.on("data", onData);
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  return {
    close() {
      server.close();
      rmSync(socketPath, { force: true });
    },
  };
}

async function handle(app: ControlledApp, line: string): Promise<unknown> {
  let request: ControlRequest;
  try {
    request = JSON.parse(line) as ControlRequest;
  } catch {
    return { ok: false, error: "the request is not JSON" };
  }
  if (app.snapshot && app.restore) {
    const answered = await handleSnapshotRequest({ snapshot: app.snapshot.bind(app), restore: app.restore.bind(app) }, request);
    if (answered) return answered;
  }
  if (typeof request.restart !== "string") return { ok: false, error: 'unknown request; expected {"restart":"<name>"}' };
  const started = Date.now();
  try {
    await app.restartResource(request.restart, "restart requested from the terminal");
    return { ok: true, snapshot: app.resource(request.restart), ms: Date.now() - started };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** Sends one request to the running AppHost; rejects with ENOENT/ECONNREFUSED when none runs. */
export function sendControl<R = ControlReply>(socketPath: string, request: ControlRequest): Promise<R> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let text = "";
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("end", () => {
      try {
        resolve(JSON.parse(text) as R);
      } catch {
        reject(new Error(`the AppHost answered '${text}'`));
      }
    });
    socket.on("error", reject);
  });
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}
