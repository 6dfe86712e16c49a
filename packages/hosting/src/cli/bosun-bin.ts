import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { buildProgram, runProgram, type ProgramOutput } from "./build-program.js";
import { CLI_COMMANDS } from "./commands/index.js";
import { EXIT_CODES } from "./exit-codes.js";
import { launchAppHost } from "./launch-app-host.js";

const DEFAULT_APPHOST = "apphost/index.ts";

export interface BosunBinOptions {
  readonly output?: ProgramOutput;
  /**
   * Runs before the AppHost is loaded (not for help or a usage error). The bin preloads its own
   * `bosun` with it: loaded before tsx's loader is registered, those modules skip the loader's
   * per-module round trip, and an AppHost importing the same copy finds them loaded.
   */
  readonly preload?: () => Promise<unknown>;
}

/**
 * The `bosun` bin: `bosun <command> [apphost] [options]` checks the command line, then loads the
 * AppHost script with `<command> [options]` as its arguments. Resolves to the exit code of a usage
 * error, help or the version (0 otherwise: the AppHost sets its own).
 * @example const code = await runBosunBin(process.argv.slice(2)); if (code !== 0) process.exitCode = code;
 */
export function runBosunBin(argv: readonly string[], options: BosunBinOptions = {}): Promise<number> {
  const program = buildProgram({
    name: "bosun",
    description: "Runs a command of an AppHost script (TypeScript through tsx) that calls builder.build().run().",
    commands: CLI_COMMANDS,
    extend: (command) => command.argument("[apphost]", "the AppHost script", DEFAULT_APPHOST),
    action: async (definition, _options, command) => {
      // The command's own arguments (restart <name>) come first; the AppHost is the last.
      const script = String(command.processedArgs.at(-1));
      if (!existsSync(script)) {
        command.error(`error: no AppHost script '${script}' in ${process.cwd()}; pass its path: bosun ${definition.name} path/to/apphost.ts`, {
          exitCode: EXIT_CODES.USAGE,
          code: "bosun.appHostNotFound",
        });
      }
      await options.preload?.();
      await launchAppHost(path.resolve(script), [definition.name, ...command.processedArgs.slice(0, -1).map(String), ...forwardedOptions(command)]);
    },
    ...(options.output ? { output: options.output } : {}),
  });
  return runProgram(program, argv);
}

/** The options the user gave on the bin's command line, as arguments for the AppHost's own parser. */
function forwardedOptions(command: Command): string[] {
  return command.options.flatMap((option) => {
    const key = option.attributeName();
    if (command.getOptionValueSource(key) !== "cli") return [];
    const value: unknown = command.getOptionValue(key);
    const flag = option.long ?? option.short ?? option.flags;
    if (typeof value === "boolean") return option.negate === !value ? [flag] : [];
    return (Array.isArray(value) ? value : [value]).flatMap((item) => [flag, String(item)]);
  });
}
