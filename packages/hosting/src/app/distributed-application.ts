import { runCommandLine } from "../cli/command-line.js";
import type { Manifest } from "../manifest/manifest-types.js";
import { writeManifest } from "../manifest/write-manifest.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import type { Resource } from "../model/resource.js";
import type { RunningApp } from "./running-app.js";
import { startApp, type StartOptions } from "./start-app.js";

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
  start(options: StartOptions = {}): Promise<RunningApp> {
    return startApp(this.resources, this.appHost, options);
  }

  /**
   * The AppHost command line: `run` (default) boots the app until Ctrl-C, `manifest` prints the
   * model as JSON, `down [--volumes]` removes what this AppHost created.
   * @example await builder.build().run()
   */
  run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
    return runCommandLine(this, argv);
  }
}
