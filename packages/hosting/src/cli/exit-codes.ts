/**
 * How the AppHost command line and the `bosun` bin end. A second Ctrl-C during `run` exits with 130
 * at once; the first one stops the app in order and ends with 0 (documented in docs/cli.md).
 */
export const EXIT_CODES = {
  /** The command did what it was asked, or printed help or the version. */
  OK: 0,
  /** The command failed: no engine, a port in use, an image that cannot be had, … */
  FAILURE: 1,
  /** The command line is wrong: an unknown command or option, an extra argument, a missing AppHost. */
  USAGE: 2,
  /** Ctrl-C (or SIGTERM) twice while `run` was stopping the app. */
  INTERRUPTED: 130,
} as const;
