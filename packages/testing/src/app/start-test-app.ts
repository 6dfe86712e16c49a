import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DistributedApplication, type RunningApp } from "@bosun/hosting";
import { appKeyOf, connectEngine, describeAppHost, loadImageSubstitution, type LogStream } from "@bosun/hosting/runtime";
import { createBuilder, type AppBuilder } from "bosun";
import { reapEndedTestSessions } from "../reap-ended-sessions.js";
import { testNetworkName } from "../runtime/testcontainers-runtime.js";
import { applyTestcontainersDefaults } from "../testcontainers-environment.js";
import { LogBook } from "./log-book.js";
import { selectResources } from "./select-resources.js";
import { settleOrFail } from "./settle-or-fail.js";
import { TestApp } from "./test-app.js";
import { createTestRuntimes } from "./test-runtimes.js";

export const DEFAULT_TEST_STARTUP_TIMEOUT_MS = 120_000;

export interface StartTestAppOptions {
  /** Resources to start, with everything they need (parents, waits, references, parameters). Default: all. */
  readonly resources?: readonly string[];
  /** Extra environment for Node apps and executables (wins over the model's); also read for parameters. */
  readonly env?: Readonly<Record<string, string>>;
  /** Resource name → image to run instead of the model's, e.g. `{ cache: "redis:7.4" }`. */
  readonly images?: Readonly<Record<string, string>>;
  /** How long every resource together may take to become healthy; default 120 s. */
  readonly startupTimeoutMs?: number;
  /** Folder the model's relative paths resolve against; default `./apphost` if it exists, else the working directory. */
  readonly appHostDirectory?: string;
  /** Publish containers on the model's fixed `withHostPort` ports instead of random ones. */
  readonly keepHostPorts?: boolean;
  /**
   * Pick each container's random host port up front, so a container the test stops and starts
   * again through the engine keeps its address (the engine picks a new port on every start).
   */
  readonly stableHostPorts?: boolean;
  /** Every line a resource writes, as it arrives (the lines are also kept for `app.logs(name)`). */
  readonly onLog?: (resource: string, stream: LogStream, line: string) => void;
  /** Bosun's own progress: leftovers of killed test runs removed, and so on. */
  readonly onProgress?: (message: string) => void;
}

/** An AppHost's model as a function, e.g. `defineApp` exported from `apphost/app.ts`. */
export type DefineApp = (builder: AppBuilder) => void | Promise<void>;

/**
 * Starts an AppHost's model for an integration test: containers through Testcontainers on random
 * ports with throw-away volumes, Node apps as child processes, its own network and secrets. Waits
 * until every resource is healthy; if any fails, cleans up and throws an error listing them.
 * @example await using app = await startTestApp(defineApp, { resources: ["ecommercedb"] })
 */
export async function startTestApp(defineApp: DefineApp, options: StartTestAppOptions = {}): Promise<TestApp> {
  applyTestcontainersDefaults();
  const appHostDirectory = path.resolve(options.appHostDirectory ?? defaultAppHostDirectory());
  const appName = `${describeAppHost(appHostDirectory).name}-test-${randomBytes(3).toString("hex")}`;
  const builder = createBuilder({ appHostDirectory, appName });
  await defineApp(builder);
  const model = builder.build();
  const resources = selectResources(model.resources, options.resources);

  const engine = await connectEngine();
  // What killed test runs left is removed while this app starts: its names and network are its own.
  const reaping = reapEndedTestSessions(engine).then((reaped) => {
    if (reaped.containers.length + reaped.networks.length > 0) {
      options.onProgress?.(`removed ${reaped.containers.length} container(s) and ${reaped.networks.length} network(s) of test runs that were killed`);
    }
  });
  reaping.catch(() => {});

  const secretsDirectory = await mkdtemp(path.join(os.tmpdir(), "bosun-test-secrets-"));
  const env = { ...process.env, ...options.env, BOSUN_SECRETS_DIR: secretsDirectory };
  const logBook = new LogBook();
  let running: RunningApp;
  try {
    // start() resolves the parameters; generated values land in the throw-away secrets file.
    running = await new DistributedApplication(resources, model.appHost).start({
      env,
      engine,
      defaultStartupTimeoutMs: options.startupTimeoutMs ?? DEFAULT_TEST_STARTUP_TIMEOUT_MS,
      onLog: (resource, stream, line) => {
        logBook.add(resource, stream, line);
        options.onLog?.(resource, stream, line);
      },
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      runtimes: (session) =>
        createTestRuntimes({
          engine,
          session,
          substitution: loadImageSubstitution({ env, cwd: process.cwd() }),
          images: options.images ?? {},
          keepHostPorts: options.keepHostPorts ?? false,
          stableHostPorts: options.stableHostPorts ?? false,
          env: options.env ?? {},
        }),
    });
  } catch (error) {
    await Promise.allSettled([reaping, rm(secretsDirectory, { recursive: true, force: true })]);
    throw error;
  }
  const app = new TestApp({
    running,
    resources,
    logBook,
    appKey: appKeyOf(model.appHost),
    networkName: testNetworkName(running.session),
    secretsDirectory,
  });
  await settleOrFail(app, running, logBook, options.startupTimeoutMs ?? DEFAULT_TEST_STARTUP_TIMEOUT_MS);
  await reaping.catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  return app;
}

/** `./apphost` when the project follows that layout, else the working directory. */
function defaultAppHostDirectory(): string {
  const conventional = path.join(process.cwd(), "apphost");
  return existsSync(conventional) ? conventional : process.cwd();
}
