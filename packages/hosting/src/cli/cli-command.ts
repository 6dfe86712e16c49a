import type { Command } from "commander";
import type { DistributedApplication } from "../app/distributed-application.js";

/** The options commander parsed for one command, by their camel-cased names (`--env-file` → `envFile`). */
export type CommandOptions = Readonly<Record<string, unknown>>;

/**
 * One command of the AppHost command line and of the `bosun` bin. The definition is cheap to load;
 * `execute` imports what the command does only when it runs, so `manifest` and `--help` load no
 * engine client, orchestrator or runtime. Add a command in its own file under `commands/` and list it
 * in `commands/index.ts`.
 */
export interface CliCommand {
  readonly name: string;
  /** One line, shown in the command list and in the command's own help. */
  readonly summary: string;
  /** Declares the command's options on its commander command, e.g. `command.option("--volumes", "…")`. */
  readonly configure?: (command: Command) => void;
  /** Does the command for a built model; `args` are the arguments it declared (`restart <name>`). */
  readonly execute: (application: DistributedApplication, options: CommandOptions, args: readonly string[]) => Promise<void>;
}
