import type { CliCommand } from "../cli-command.js";
import { DOWN_COMMAND } from "./down.js";
import { MANIFEST_COMMAND } from "./manifest.js";
import { PUBLISH_COMMAND } from "./publish.js";
import { RESTART_COMMAND } from "./restart.js";
import { RESTORE_COMMAND } from "./restore.js";
import { RUN_COMMAND } from "./run.js";
import { SNAPSHOT_COMMAND } from "./snapshot.js";
import { SNAPSHOTS_COMMAND } from "./snapshots.js";

/**
 * Every command, in the order `--help` lists them: the one place a command is registered. Both the
 * AppHost command line and the `bosun` bin are built from this list. `run` is what an empty command
 * line means.
 */
export const CLI_COMMANDS: readonly CliCommand[] = [RUN_COMMAND, MANIFEST_COMMAND, PUBLISH_COMMAND, DOWN_COMMAND, RESTART_COMMAND, SNAPSHOT_COMMAND, SNAPSHOTS_COMMAND, RESTORE_COMMAND];

export const DEFAULT_COMMAND = RUN_COMMAND.name;
