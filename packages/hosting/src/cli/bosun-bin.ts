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
    extend: (command) => {
      // After a variadic argument (snapshot [resource...]) no other can be declared: the AppHost is found among its values.
      if (command.registeredArguments.at(-1)?.variadic) command.addHelpText("after", `\nThe AppHost script (default ${DEFAULT_APPHOST}) may be given among the arguments: a path ending in .ts, .mts, .cts, .js, .mjs or .cjs.`);
      else command.argument("[apphost]", "the AppHost script", DEFAULT_APPHOST);
    },
    action: async (definition, _options, command) => {
      const { script, args } = appHostAndArguments(command);
      if (!existsSync(script)) {
        command.error(`error: no AppHost script '${script}' in ${process.cwd()}; pass its path: bosun ${definition.name} path/to/apphost.ts`, {
          exitCode: EXIT_CODES.USAGE,
          code: "bosun.appHostNotFound",
        });
      }
      await options.preload?.();
      await launchAppHost(path.resolve(script), [definition.name, ...args, ...forwardedOptions(command)]);
    },
    ...(options.output ? { output: options.output } : {}),
  });
  return runProgram(program, argv);
}

/** The AppHost script and the command's own arguments: the AppHost comes last (restart <name> [apphost]), or among a variadic argument's values. */
function appHostAndArguments(command: Command): { script: string; args: string[] } {
  const processed = command.processedArgs as unknown[];
  const last = processed.at(-1);
  if (!Array.isArray(last)) return { script: String(last), args: processed.slice(0, -1).map(String) };
  const values = last.map(String);
  const script = values.find((value) => SCRIPT_PATTERN.test(value));
  const rest = values.filter((value) => value !== script);
  return { script: script ?? DEFAULT_APPHOST, args: [...processed.slice(0, -1).map(String), ...rest] };
}

const SCRIPT_PATTERN = /\.(c|m)?[jt]s$/;

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
