import { createRequire } from "node:module";
import { pino, destination, transport, type DestinationStream, type Level, type Logger } from "pino";
import { REDACTION_CENSOR, redactionPaths } from "./redaction.js";

export interface CreateLoggerOptions {
  /** Written as `name` on every line. */
  readonly serviceName: string;
  /** Defaults to LOG_LEVEL, else `info`. */
  readonly level?: Level;
  /**
   * Also write to a file that rolls over daily, keeping `retainDays` days: `logs/auth-api` gives
   * `logs/auth-api.2026-01-31.1.log`. Defaults to LOG_FILE when set.
   */
  readonly file?: string;
  /** Days of files kept, today's included; default 7. */
  readonly retainDays?: number;
  /** Where lines go instead of stdout when no file is written (tests). */
  readonly destination?: DestinationStream;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * A pino logger named after the service that redacts passwords, tokens, cookies and authorization
 * headers, writing JSON lines to stdout and, optionally, to a daily-rolling file.
 * @example const logger = createLogger({ serviceName: "auth-api" });
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const env = options.env ?? process.env;
  const level = options.level ?? ((env.LOG_LEVEL as Level | undefined) || "info");
  const file = options.file ?? (env.LOG_FILE || undefined);
  const settings = {
    name: options.serviceName,
    level,
    redact: { paths: redactionPaths(), censor: REDACTION_CENSOR },
  };
  if (file === undefined) return pino(settings, options.destination ?? destination(1));
  return pino(settings, rollingTransport(file, level, options.retainDays ?? 7));
}

/** stdout plus pino-roll in a worker thread; redaction happens before lines leave the main thread. */
function rollingTransport(file: string, level: Level, retainDays: number): DestinationStream {
  const require = createRequire(import.meta.url);
  return transport({
    targets: [
      { target: "pino/file", level, options: { destination: 1 } },
      {
        target: require.resolve("pino-roll"),
        level,
        options: {
          file,
          frequency: "daily",
          dateFormat: "yyyy-MM-dd",
          mkdir: true,
          // pino-roll keeps `count` files besides the active one; count files of earlier runs too.
          limit: { count: retainDays - 1, removeOtherLogFiles: true },
        },
      },
    ],
  }) as DestinationStream;
}
