import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createBuilder, type DistributedApplication } from "bosun";
import { defineApp } from "../../apphost/app.js";
import { freePort } from "./free-port.js";
import { REPO_ROOT } from "./workspace-files.js";

const execFileAsync = promisify(execFile);

/** The reference AppHost's folder: defineApp's relative paths resolve against it. */
export const APPHOST_DIRECTORY = path.join(REPO_ROOT, "apphost");

/**
 * pgAdmin cannot be had on these machines (not packaged in Debian, no registry), so the published
 * end-to-end tests leave it out; everything else is the reference model as `npm start` runs it.
 */
export const LEFT_OUT = ["postgres-pgadmin"] as const;

export interface PublishableReference {
  readonly app: DistributedApplication;
  /** The host port the gateway is published on (127.0.0.1 under Compose). */
  readonly gatewayPort: number;
  /** A fresh secrets folder: new passwords, never the developer's. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The reference model for a published end-to-end test, changed only where two runs on one machine
 * would collide: the fixed host ports (5433, 6381) become free ones, the fixed container name goes,
 * and the gateway gets a free host port so the test can reach it. pgAdmin is left out (LEFT_OUT).
 */
export async function publishableReference(appName: string): Promise<PublishableReference> {
  const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName });
  defineApp(builder);
  const { resources } = builder;
  for (const name of LEFT_OUT) {
    const index = resources.findIndex((r) => r.name === name);
    if (index === -1) throw new Error(`the reference model has no '${name}' any more; update LEFT_OUT in test/support/published-reference.ts`);
    resources.splice(index, 1);
  }
  let gatewayPort = 0;
  for (const resource of resources) {
    resource.annotations.splice(0, resource.annotations.length, ...resource.annotations.filter((a) => a.type !== "container-name"));
    for (const endpoint of resource.annotationsOf("endpoint")) {
      if (endpoint.port !== undefined || resource.name === "gateway") endpoint.port = await freePort();
      if (resource.name === "gateway") gatewayPort = endpoint.port!;
    }
  }
  const env = { ...process.env, BOSUN_SECRETS_DIR: mkdtempSync(path.join(os.tmpdir(), `${appName}-secrets-`)) };
  return { app: builder.build(), gatewayPort, env };
}

/** Runs a CLI (docker, docker-compose) and resolves with its output; rejects with its stderr. */
export async function cli(command: string, args: readonly string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, [...args], { cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed: ${failed.stderr?.trim() || failed.message}`);
  }
}
