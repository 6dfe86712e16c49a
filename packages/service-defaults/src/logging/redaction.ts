/** Keys whose values never reach a log line, at any of the first three levels of a logged object. */
export const REDACTED_KEYS = [
  "password",
  "passwd",
  "pwd",
  "secret",
  "token",
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "passwordHash",
  "PasswordHash",
  "authorization",
  "Authorization",
  "cookie",
  "set-cookie",
  "connectionString",
] as const;

export const REDACTION_CENSOR = "[redacted]";

/** pino `redact.paths` for REDACTED_KEYS at depth 0, 1 and 2 (`password`, `*.password`, `*.*.password`). */
export function redactionPaths(keys: readonly string[] = REDACTED_KEYS): string[] {
  return keys.flatMap((key) => {
    const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const join = (prefix: string) => (segment.startsWith("[") ? `${prefix}${segment}` : `${prefix}.${segment}`);
    return [segment.startsWith("[") ? segment : key, join("*"), join("*.*")];
  });
}
