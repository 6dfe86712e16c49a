/** What the AppHost tells its watchdog when it starts it: which session to remove, and where to look. */
export interface WatchdogConfig {
  readonly sessionId: string;
  /** The `bosun.app` label value of the session's containers and network. */
  readonly appKey: string;
  /** The AppHost's process id, written in the `bosun.pid` labels. */
  readonly ownerPid: number;
  /** Whether the session runs containers: only then is the engine contacted. */
  readonly containers: boolean;
  /** Where the session's process groups are recorded (see `processStateDirectory`). */
  readonly processDirectory: string;
  /** The file the watchdog appends one line to whenever it cleans up after a dead AppHost. */
  readonly logFile: string;
  /** How long after the AppHost's death the watchdog keeps trying to reach the engine. */
  readonly deadlineMs: number;
}

/** The first argument of the watchdog's command line, as the AppHost wrote it. */
export function parseWatchdogConfig(text: string | undefined): WatchdogConfig {
  const config = JSON.parse(text ?? "null") as WatchdogConfig | null;
  if (!config || typeof config.sessionId !== "string" || typeof config.appKey !== "string") {
    throw new Error("the bosun watchdog is started by an AppHost with its session as JSON; it is not meant to be run by hand");
  }
  return config;
}
