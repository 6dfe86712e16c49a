import type { Redactor } from "./redactor.js";

/**
 * Masks secrets in an error in place — its message, stack, string properties, `cause` and an
 * AggregateError's errors — so whoever prints it later (a caller, Node's own report) shows none.
 * Returns the same error.
 * @example catch (error) { throw redactError(error, redactor); }
 */
export function redactError<T>(error: T, redactor: Redactor): T {
  redactValue(error, redactor, new Set(), 0);
  return error;
}

/** As deep as Node's report of an error shows its properties. */
const MAX_DEPTH = 4;

function redactValue(value: unknown, redactor: Redactor, seen: Set<unknown>, depth: number): void {
  if (!isInspected(value) || seen.has(value) || depth > MAX_DEPTH) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of [...Object.keys(record), "message", "stack", "cause"]) {
    const inner = record[key];
    if (typeof inner === "string") trySet(record, key, redactor.redact(inner));
    else redactValue(inner, redactor, seen, depth + 1);
  }
  if (value instanceof AggregateError) for (const inner of value.errors) redactValue(inner, redactor, seen, depth + 1);
}

/** Errors, arrays and plain objects: what a report prints; not sockets, clients and the like. */
function isInspected(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return value instanceof Error || Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

/**
 * From now on, an error nobody catches has its secrets masked before anything prints it: bosun's
 * own report (reportUncaughtBosunErrors) and Node's. Runs first among the process's
 * `uncaughtExceptionMonitor` listeners, which see an unhandled rejection too.
 * @example redactUncaughtErrors(redactor)
 */
export function redactUncaughtErrors(redactor: Redactor): () => void {
  const listener = (error: unknown) => void redactError(error, redactor);
  process.prependListener("uncaughtExceptionMonitor", listener);
  return () => process.off("uncaughtExceptionMonitor", listener);
}

function trySet(record: Record<string, unknown>, key: string, value: string): void {
  if (record[key] === value) return;
  try {
    record[key] = value;
  } catch {
    // A read-only property keeps its text; there is nothing else to do with it.
  }
}
