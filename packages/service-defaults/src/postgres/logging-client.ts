import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { LoggerLike } from "../logging/logger-like.js";
import { logStatement, statementInfoEnabled, type QueryLogSettings } from "./query-log.js";

type Callback = (error: Error | null, result?: pg.QueryResult) => void;

/**
 * A pg Client class that logs every statement it runs (pool queries, transactions, migrations alike);
 * handed to the pool as its `Client`. Cursors and other submittables pass through unlogged.
 */
export function loggingClientClass(Base: typeof pg.Client, logger: LoggerLike, settings: QueryLogSettings): typeof pg.Client {
  class LoggingClient extends Base {
    // pg's overloads differ only in argument shapes; this one forwards them unchanged.
    override query(...args: unknown[]): never {
      const [first, second] = args as [unknown, unknown];
      const config = typeof first === "object" && first !== null ? (first as { text?: string; values?: unknown[]; submit?: unknown }) : undefined;
      const call = (super.query as (...a: unknown[]) => never).bind(this);
      if (typeof config?.submit === "function") return call(...args);
      const text = typeof first === "string" ? first : (config?.text ?? "");
      const values = Array.isArray(second) ? (second as unknown[]) : config?.values;
      const started = performance.now();
      const done = (error: unknown, result?: pg.QueryResult) => {
        const durationMs = performance.now() - started;
        // Failed and slow statements are logged at error and warn whatever the level; the rest only when it would show.
        if (error !== undefined || durationMs >= settings.slowStatementMs || statementInfoEnabled(logger)) {
          logStatement(logger, settings, { text, values, durationMs, rowCount: result?.rowCount, ...(error === undefined ? {} : { error }) });
        }
      };
      const callbackAt = args.findIndex((arg) => typeof arg === "function");
      if (callbackAt !== -1) {
        const callback = args[callbackAt] as Callback;
        args[callbackAt] = (error: Error | null, result?: pg.QueryResult) => {
          done(error ?? undefined, result);
          callback(error, result);
        };
        return call(...args);
      }
      return (call(...args) as Promise<pg.QueryResult>).then(
        (result) => (done(undefined, result), result),
        (error: unknown) => {
          done(error);
          throw error;
        },
      ) as never;
    }
  }
  return LoggingClient as unknown as typeof pg.Client;
}
