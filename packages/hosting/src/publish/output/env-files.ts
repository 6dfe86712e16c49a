import type { PublishParameter } from "../publish-model.js";

/** A line of `.env.example` with its comment. */
export interface EnvExampleEntry {
  readonly comment: string;
  readonly variable: string;
  readonly value: string;
}

/** `.env.example`: every variable the published files read, with a comment and its default if any. */
export function envExample(header: readonly string[], entries: readonly EnvExampleEntry[]): string {
  const lines = header.map((line) => `# ${line}`);
  for (const entry of entries) lines.push("", `# ${entry.comment}`, `${entry.variable}=${entry.value}`);
  return `${lines.join("\n")}\n`;
}

/** The entries for the parameters. */
export function parameterEntries(parameters: readonly PublishParameter[]): EnvExampleEntry[] {
  return parameters.map((p) => ({ comment: p.description, variable: p.variable, value: p.defaultValue ?? "" }));
}

/** The `KEY=value` lines of an env file (comments and blank lines skipped). */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (match) values.set(match[1]!, match[2]!);
  }
  return values;
}

/**
 * Appends to an existing `.env` the variables it lacks, with the values given; a line already
 * there is never changed, even an empty one. Returns undefined when nothing is to be added.
 */
export function mergeEnvFile(existing: string | undefined, additions: ReadonlyMap<string, string>, header: string): string | undefined {
  const present = parseEnvFile(existing ?? "");
  const missing = [...additions].filter(([key]) => !present.has(key));
  if (missing.length === 0) return existing === undefined ? `# ${header}\n` : undefined;
  const start = existing === undefined ? `# ${header}\n` : existing.endsWith("\n") || existing === "" ? existing : `${existing}\n`;
  return `${start}${missing.map(([key, value]) => `${key}=${value}`).join("\n")}\n`;
}
