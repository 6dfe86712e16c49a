import { Command, CommanderError } from "commander";
import { bosunVersion } from "./bosun-version.js";
import { ignoreClosedOutput } from "./closed-output.js";
import type { CliCommand, CommandOptions } from "./cli-command.js";
import { DEFAULT_COMMAND } from "./commands/index.js";
import { EXIT_CODES } from "./exit-codes.js";

/** Where help, the version and usage errors go (tests capture them). */
export interface ProgramOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface ProgramSpec {
  /** The command as the user typed it, for usage lines: `npx tsx apphost/index.ts`, `bosun`. */
  readonly name: string;
  readonly description: string;
  readonly commands: readonly CliCommand[];
  /** What a front end adds to every command (the bin: the AppHost argument). */
  readonly extend?: (command: Command) => void;
  /** Runs a parsed command; `command` holds its declared arguments (`command.processedArgs`). */
  readonly action: (definition: CliCommand, options: CommandOptions, command: Command) => Promise<void>;
  readonly output?: ProgramOutput;
}

const STANDARD_OUTPUT: ProgramOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const EXIT_CODE_HELP = `
Exit codes: ${EXIT_CODES.OK} done, ${EXIT_CODES.FAILURE} failed, ${EXIT_CODES.USAGE} usage error, ${EXIT_CODES.INTERRUPTED} stopped by a second Ctrl-C.`;

/** A commander program with one subcommand per definition; usage errors say what to type instead. */
export function buildProgram(spec: ProgramSpec): Command {
  if (spec.output === undefined) ignoreClosedOutput();
  const output = spec.output ?? STANDARD_OUTPUT;
  const program = new Command(spec.name)
    .description(spec.description)
    .version(bosunVersion(), "-V, --version", "print bosun's version")
    .helpOption("-h, --help", "show this help")
    .helpCommand(false)
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showHelpAfterError(hint(spec.name))
    .addHelpText("after", EXIT_CODE_HELP);
  for (const definition of spec.commands) {
    const command = program.command(definition.name).description(definition.summary);
    command.allowExcessArguments().showHelpAfterError(hint(`${spec.name} ${definition.name}`));
    definition.configure?.(command);
    spec.extend?.(command);
    command.action(async (...args: unknown[]) => {
      const self = args.at(-1) as Command;
      await spec.action(definition, self.opts(), self);
    });
  }
  program.hook("preAction", (_program, actionCommand) => rejectExcessArguments(actionCommand));
  return program;
}

/**
 * Parses the arguments after the script (none means `run`) and runs the command. Resolves to the exit
 * code of a usage error, help or the version; an error the command throws is the caller's to handle.
 */
export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync(argv.length === 0 ? [DEFAULT_COMMAND] : [...argv], { from: "user" });
    return EXIT_CODES.OK;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode === 0 ? EXIT_CODES.OK : EXIT_CODES.USAGE;
  }
}

function hint(command: string): string {
  return `(see '${command} --help')`;
}

/** Commander's own check counts extra arguments without naming them; this one names them. */
function rejectExcessArguments(command: Command): void {
  const declared = command.registeredArguments;
  if (declared.at(-1)?.variadic) return;
  const extra = command.args.slice(declared.length);
  if (extra.length === 0) return;
  const names = declared.map((argument) => argument.name()).join(", ");
  const takes = declared.length === 0 ? "takes no arguments" : `takes ${declared.length === 1 ? "one argument" : `${declared.length} arguments`} (${names})`;
  const quoted = extra.map((argument) => `'${argument}'`).join(", ");
  command.error(`error: unexpected argument${extra.length > 1 ? "s" : ""} ${quoted}: '${command.name()}' ${takes}`, {
    exitCode: EXIT_CODES.USAGE,
    code: "bosun.excessArguments",
  });
}
