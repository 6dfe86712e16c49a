import { BosunError } from "./bosun-error.js";

/** Node's exit code for an uncaught exception, kept so scripts and CI see the usual failure. */
const UNCAUGHT_EXIT_CODE = 1;

/**
 * From now on, a bosun error nobody catches prints as a person reads it — `error: ` and the
 * message, which lists the problems and the user's own file and line — instead of Node's report
 * (bosun's source line under a caret, then a stack of bosun's frames), and the process exits with
 * code 1 as Node's own report would. Programs that handle uncaught errors themselves (an
 * `uncaughtException` listener, a test runner, a domain) keep their behaviour, and errors that are
 * not bosun's are left to Node. Installing twice installs once.
 * @example reportUncaughtBosunErrors(); createBuilder().addRedis("my cache!"); builder.build()
 */
export function reportUncaughtBosunErrors(): void {
  // A monitor sees the error before Node prints it and, unlike a listener, does not tell Node the
  // error was handled: every other error still gets Node's report.
  if (process.listeners("uncaughtExceptionMonitor").includes(printUncaughtBosunError)) return;
  process.on("uncaughtExceptionMonitor", printUncaughtBosunError);
}

/** How bosun prints one of its errors on a terminal: the message alone, no stack. */
export function formatBosunError(error: BosunError): string {
  return `error: ${error.message}`;
}

function printUncaughtBosunError(error: unknown): void {
  if (!(error instanceof BosunError)) return;
  if (process.listenerCount("uncaughtException") > 0 || process.hasUncaughtExceptionCaptureCallback()) return;
  process.stderr.write(`${formatBosunError(error)}\n`);
  process.exit(UNCAUGHT_EXIT_CODE);
}
