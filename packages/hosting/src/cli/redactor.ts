/** Replaces every secret value in a line with `***`, so no password reaches the terminal. */
export function createRedactor(secrets: readonly string[]): (line: string) => string {
  const values = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (values.length === 0) return (line) => line;
  const pattern = new RegExp(values.map(escapeRegExp).join("|"), "g");
  return (line) => line.replace(pattern, "***");
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
