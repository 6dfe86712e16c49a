import type { Manifest } from "../manifest/manifest-types.js";
import { writeManifest } from "../manifest/write-manifest.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import type { Resource } from "../model/resource.js";
import type { PublishOptions, PublishResult } from "../publish/publish-options.js";
import type { RunningApp } from "./running-app.js";
import type { StartOptions } from "./start-app.js";

/**
 * What `run()` needs of the command line. The command line is a front end, a layer above this one:
 * `run()` loads it by the package's public entry (`@bosun/hosting/cli`, which implements this) when
 * an AppHost runs it, so this layer names no module of it, and a library or test that only builds,
 * starts or prints a model never loads it.
 */
export interface CommandLineFrontEnd {
  /** Parses `argv` (the arguments after the script), runs the command and resolves to the exit code. */
  runCommandLine(application: DistributedApplication, argv: readonly string[]): Promise<number>;
}

/** A computed specifier: resolved by Node (or Vitest) through the package's exports when run() is called. */
const COMMAND_LINE_ENTRY: string = "@bosun/hosting/cli";

/** A validated application model, ready to run or publish. */
export class DistributedApplication {
  constructor(
    readonly resources: readonly Resource[],
    readonly appHost: AppHostInfo,
  ) {}

  /** The model as JSON with unresolved placeholders; contacts no engine, shows no secret. */
  manifest(): Manifest {
    return writeManifest(this.resources, this.appHost);
  }

  /**
   * Starts every resource (for a library or a test); checks what can fail first, so on a bad
   * engine, image or port nothing starts.
   * @example await using app = await builder.build().start(); await app.waitForHealthy("api");
   */
  async start(options: StartOptions = {}): Promise<RunningApp> {
    // Loaded on first use: the engine client, orchestrator and runtimes are not needed to build a
    // model or print its manifest.
    const { startApp } = await import("./start-app.js");
    return startApp(this.resources, this.appHost, options);
  }

  /**
   * Writes the model for a deployment target (`compose`: docker-compose.yaml; `swarm`: stack.yaml;
   * `kubernetes`: manifests and a kustomization.yaml) with `.env.example` and `publish-report.json`;
   * no secret value in any file. Contacts no engine
   * unless `build` is set. See docs/publishing.md.
   * @example await builder.build().publish({ target: "compose", outputDir: "publish/compose" })
   */
  async publish(options: PublishOptions): Promise<PublishResult> {
    // Loaded on first use, like start(): running or printing a model never loads the publishers.
    const { publishApp } = await import("../publish/publish-app.js");
    return publishApp(this.resources, this.appHost, options);
  }

  /**
   * The AppHost command line: `run` (default) boots the app until Ctrl-C, `manifest` prints the
   * model as JSON, `down [--volumes]` removes what this AppHost created; `--help` lists them. Sets
   * `process.exitCode` (1 when the command failed, 2 for a usage error; docs/cli.md).
   * @example await builder.build().run()
   */
  async run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
    const { runCommandLine } = (await import(COMMAND_LINE_ENTRY)) as CommandLineFrontEnd;
    const code = await runCommandLine(this, argv);
    if (code !== 0) process.exitCode = code;
  }
}
