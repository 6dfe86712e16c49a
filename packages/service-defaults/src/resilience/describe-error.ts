/** A short reason for a log line: the socket/SQLSTATE code and the message, without stack or parameters. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const inner = (error as { errors?: unknown }).errors;
  const message = error.message !== "" ? error.message : Array.isArray(inner) ? inner.map(describeError).join("; ") : error.name;
  return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
}
