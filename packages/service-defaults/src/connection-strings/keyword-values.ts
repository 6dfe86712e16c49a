import { readFileSync } from "node:fs";
import { malformed } from "./connection-string.js";

/** One keyword as written (`key` keeps the user's spelling for messages) and its value. */
export interface KeywordOption {
  readonly key: string;
  readonly value: string;
}

/** A whole number of seconds, connections or bytes. */
export function wholeNumber(option: KeywordOption, variable: string): number {
  if (!/^\d+$/.test(option.value.trim())) {
    throw malformed(variable, `'${option.key}' must be a whole number, got '${option.value}'`);
  }
  return Number(option.value);
}

export function positive(option: KeywordOption, variable: string): number {
  const value = wholeNumber(option, variable);
  if (value === 0) throw malformed(variable, `'${option.key}' must be at least 1`);
  return value;
}

/** `true`/`false` as Npgsql reads them (also yes/no, 1/0). */
export function flag(option: KeywordOption, variable: string): boolean {
  const value = option.value.trim().toLowerCase();
  if (value === "true" || value === "yes" || value === "1") return true;
  if (value === "false" || value === "no" || value === "0") return false;
  throw malformed(variable, `'${option.key}' must be true or false, got '${option.value}'`);
}

/** One of `choices`, compared without case, spaces, dashes or underscores; returns the canonical spelling. */
export function choice<T extends string>(option: KeywordOption, variable: string, choices: readonly T[]): T {
  const squash = (text: string) => text.toLowerCase().replace(/[-_\s]/g, "");
  const found = choices.find((candidate) => squash(candidate) === squash(option.value));
  if (found === undefined) throw malformed(variable, `'${option.key}' must be ${choices.join(", ")}, got '${option.value}'`);
  return found;
}

/** The text of a PEM file named by a keyword (a certificate or key), read once at start. */
export function pemFile(option: KeywordOption, variable: string): string {
  try {
    return readFileSync(option.value, "utf8");
  } catch (error) {
    throw malformed(variable, `'${option.key}' names '${option.value}', which cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}); give the path of a PEM file`);
  }
}
