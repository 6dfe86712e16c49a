/** Socket errors that say "the server is not reachable right now", not "your query is wrong". */
const TRANSIENT_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * SQLSTATEs the server sends when it cannot serve the connection (class 08 connection exception,
 * shutting down, still starting, out of connection slots). Every other SQLSTATE is about the SQL.
 */
const TRANSIENT_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

/** pg's own messages for lost connections and timeouts; these errors carry no code. */
const TRANSIENT_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /^Client has encountered a connection error and is not queryable/,
];

/**
 * True for connection failures and timeouts, which are worth retrying and count against the circuit
 * breaker; false for SQL errors (syntax, constraints, permissions, statement_timeout), which are not.
 */
export function isTransientDatabaseError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const { code, message, errors, cause } = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === "string") {
    if (TRANSIENT_SOCKET_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return code.startsWith("08") || TRANSIENT_SQLSTATES.has(code);
  }
  if (typeof message === "string" && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // Node reports a refused dual-stack connect (::1 and 127.0.0.1) as an AggregateError.
  if (Array.isArray(errors) && errors.length > 0) return errors.every((inner) => isTransientDatabaseError(inner, depth + 1));
  return cause !== undefined && isTransientDatabaseError(cause, depth + 1);
}
