/** Replaces every known secret value in a line with `***`, so no password reaches the terminal. */
export class Redactor {
  #pattern: RegExp | undefined;
  readonly #secrets = new Set<string>();

  /** Secrets shorter than 4 characters are not redacted (they would mangle ordinary text). */
  add(secrets: Iterable<string>): void {
    for (const secret of secrets) if (secret.length >= 4) this.#secrets.add(secret);
    const values = [...this.#secrets].sort((a, b) => b.length - a.length);
    this.#pattern = values.length > 0 ? new RegExp(values.map(escapeRegExp).join("|"), "g") : undefined;
  }

  redact(line: string): string {
    return this.#pattern ? line.replace(this.#pattern, "***") : line;
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
