import type { DistributedApplication } from "@bosun/hosting";
import { chained, expose, settlePendingWork } from "./chained.js";
import type { AppBuilder } from "../index.js";
import { applyEnvironmentCallbacks, type PendingCallback } from "./environment-callback.js";
import { commandOf, ExecutionContext } from "./execution-context.js";
import type { CompanionOptions } from "./redis-commander.js";
import { AspireContainer } from "./container.js";
import { refuse } from "./refusals.js";
import type { NativeBuilder } from "./resource.js";

/** What an Aspire AppHost's builder keeps besides bosun's builder: the command line, callbacks, the publish target. */
export class AspireApp {
  readonly environmentCallbacks: PendingCallback[] = [];
  readonly pendingConfiguration: Promise<unknown>[] = [];
  /** withBuildScript's scripts: Aspire runs them before publishing, which bosun's publisher would not. */
  readonly buildScripts: { resource: string; script: string }[] = [];
  composeEnvironment: string | undefined;
  /** The app's one pgweb container and the server it connects to (withPgWeb). */
  pgweb: { server: string; native: NativeBuilder } | undefined;
  readonly executionContext: ExecutionContext;

  constructor(
    readonly native: AppBuilder,
    readonly args: readonly string[],
  ) {
    this.executionContext = new ExecutionContext(args, () => this.composeEnvironment !== undefined);
  }

  /** Applies Aspire's `containerName` and `configureContainer` to a companion container (pgAdmin, Redis Commander). */
  configureCompanion(native: NativeBuilder, options: CompanionOptions): void {
    if (options.containerName !== undefined) native.withContainerName(options.containerName);
    if (options.configureContainer) {
      const configure = options.configureContainer as (container: unknown) => unknown;
      this.pendingConfiguration.push(Promise.resolve(configure(expose(new AspireContainer(this, native)))));
    }
  }

  /** Waits for every pending call and callback, then checks the model with bosun's build(). */
  async build(): Promise<AspireApplication> {
    await settlePendingWork();
    await Promise.all(this.pendingConfiguration);
    await applyEnvironmentCallbacks(this.environmentCallbacks, this.executionContext);
    const [built] = this.buildScripts;
    if (built !== undefined && commandOf(this.args) === "publish")
      refuse(`withBuildScript("${built.script}") on '${built.resource}' when publishing`, "bosun's publisher runs no build script before building an app's image", "build the app in its Dockerfile, or run the script before `publish`");
    return new AspireApplication(this.native.build(), this.runArguments());
  }

  /**
   * The AppHost's arguments for bosun's run(): after addDockerComposeEnvironment, `publish`
   * without `--target` publishes for Compose.
   */
  runArguments(): string[] {
    const args = [...this.args];
    const publishing = commandOf(args) === "publish";
    const hasTarget = args.some((arg) => arg === "--target" || arg.startsWith("--target="));
    if (publishing && !hasTarget && this.composeEnvironment !== undefined) args.splice(args.indexOf("publish") + 1, 0, "--target", "compose");
    return args;
  }
}

/** The built application: run() is bosun's AppHost command line. */
export class AspireApplication {
  readonly aspireKind = "application";

  constructor(
    readonly native: DistributedApplication,
    readonly args: readonly string[],
  ) {}

  /**
   * Runs the AppHost's command (`run` by default; `publish`, `manifest`, `down`, … as bosun's CLI).
   * @example await builder.build().run()
   */
  run(): Promise<void> {
    return this.native.run(this.args);
  }
}

/** Builds the application once every pending call is done; `.run()` can be chained before awaiting. */
export function buildApplication(app: AspireApp) {
  return chained(app.build(), { pending: false });
}
