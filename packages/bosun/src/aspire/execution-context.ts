import { property, type AspireProperty } from "./properties.js";

/** Aspire's DistributedApplicationOperation. */
export enum DistributedApplicationOperation {
  Run = "Run",
  Publish = "Publish",
}

/** The commands that publish rather than run: Aspire's publish mode. */
const PUBLISH_COMMANDS = new Set(["publish", "manifest"]);

/** The command an AppHost's arguments ask for (`run` when none is given). */
export function commandOf(args: readonly string[]): string {
  return args.find((arg) => !arg.startsWith("-")) ?? "run";
}

/**
 * Aspire's execution context, from the AppHost's command line: `publish` and `manifest` are
 * publish mode, every other command run mode.
 * @example const ec = await builder.executionContext.get(); if (await ec.isRunMode.get()) { … }
 */
export class ExecutionContext {
  readonly aspireKind = "executionContext";
  readonly isPublishMode: AspireProperty<boolean>;
  readonly isRunMode: AspireProperty<boolean>;
  readonly operation: AspireProperty<DistributedApplicationOperation>;
  readonly publisherName: AspireProperty<string>;

  constructor(args: readonly string[], composeEnvironment: () => boolean) {
    const command = commandOf(args);
    const publishing = PUBLISH_COMMANDS.has(command);
    this.isPublishMode = property(() => publishing);
    this.isRunMode = property(() => !publishing);
    this.operation = property(() => (publishing ? DistributedApplicationOperation.Publish : DistributedApplicationOperation.Run));
    this.publisherName = property(() => (command === "manifest" ? "manifest" : publishTarget(args) ?? (composeEnvironment() ? "compose" : "")));
  }
}

function publishTarget(args: readonly string[]): string | undefined {
  const at = args.findIndex((arg) => arg === "--target" || arg.startsWith("--target="));
  if (at === -1) return undefined;
  return args[at]!.includes("=") ? args[at]!.split("=")[1] : args[at + 1];
}
