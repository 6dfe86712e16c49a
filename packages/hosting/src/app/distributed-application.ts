import { BosunError } from "../errors/bosun-error.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import type { Resource } from "../model/resource.js";
import type { Manifest } from "../manifest/manifest-types.js";
import { writeManifest } from "../manifest/write-manifest.js";

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
   * The AppHost command line: `run` (default) boots the app until Ctrl-C, `manifest` prints the
   * model as JSON, `down` removes what earlier runs left.
   * @example await builder.build().run()
   */
  async run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
    const command = argv[0] ?? "run";
    if (command === "manifest") {
      process.stdout.write(`${JSON.stringify(this.manifest(), null, 2)}\n`);
      return;
    }
    throw new BosunError(`unknown AppHost command '${command}'; use run, manifest or down`, { code: "CONFIGURATION" });
  }
}
