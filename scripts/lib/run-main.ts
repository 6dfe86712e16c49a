import { BosunError } from "@bosun/hosting";

/**
 * Runs a script's main function: a BosunError ends it with its message alone (the message already
 * says what to do); anything else is a bug and keeps its stack.
 */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof BosunError) console.error(`bosun: ${error.message}`);
      else console.error(error);
      process.exitCode = 1;
    },
  );
}
