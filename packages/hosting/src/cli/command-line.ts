import type { DistributedApplication } from "../app/distributed-application.js";
import { BosunError } from "../errors/bosun-error.js";
import { formatBosunError } from "../errors/report-uncaught.js";
import { appHostInvocation } from "./app-host-invocation.js";
import { buildProgram, runProgram, type ProgramOutput } from "./build-program.js";
import { CLI_COMMANDS } from "./commands/index.js";
import { EXIT_CODES } from "./exit-codes.js";

export interface CommandLineOptions {
  /** How usage lines name the AppHost; default: as the user started it (`npx tsx apphost/index.ts`). */
  readonly name?: string;
  readonly output?: ProgramOutput;
}

/**
 * The AppHost's command line: parses `argv` (the arguments after the script), runs the command and
 * resolves to the exit code. A bosun error a command throws (no engine, a port in use) is printed as
 * bosun prints an uncaught one, without a stack, and ends with 1; usage errors end with 2.
 */
export async function runCommandLine(
  application: DistributedApplication,
  argv: readonly string[],
  options: CommandLineOptions = {},
): Promise<number> {
  const program = buildProgram({
    name: options.name ?? appHostInvocation(),
    description: `The AppHost of '${application.appHost.name}': runs its app model with bosun.`,
    commands: CLI_COMMANDS,
    action: (definition, commandOptions, command) => definition.execute(application, commandOptions, flatArguments(command.processedArgs)),
    ...(options.output ? { output: options.output } : {}),
  });
  try {
    return await runProgram(program, argv);
  } catch (error) {
    if (!(error instanceof BosunError)) throw error;
    const err = options.output?.err ?? ((text: string) => process.stderr.write(text));
    err(`${formatBosunError(error)}\n`);
    return EXIT_CODES.FAILURE;
  }
}

/** The command's arguments as strings; a variadic one (`snapshot [resource...]`) is spread. */
function flatArguments(processed: readonly unknown[]): string[] {
  return processed.flatMap((argument) => (Array.isArray(argument) ? argument.map(String) : [String(argument)]));
}
