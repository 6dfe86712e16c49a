import { isBase64Character, MIN_SECRET_LENGTH, secretForms } from "./secret-forms.js";

/** What replaces a secret in output. */
export const REDACTED = "***";

/**
 * Replaces every known secret value in a text with `***`, in each form it takes: as typed,
 * percent-encoded, JSON-escaped, and inside base64 (the whole base64 word is masked, as in
 * `Authorization: Basic ***`). Secrets shorter than 4 characters are ignored here: bosun refuses
 * them as secret parameters before anything starts (resolveParameters).
 * @example const redactor = new Redactor(); redactor.add(["s3cret-value"]); redactor.redact(line)
 */
export class Redactor {
  #pattern: RegExp | undefined;
  readonly #secrets = new Set<string>();

  add(secrets: Iterable<string>): void {
    for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) this.#secrets.add(secret);
    const forms = [...this.#secrets].sort((a, b) => b.length - a.length).map(secretForms);
    // The base64 forms in their own group, so a match can be widened to its whole word.
    const source = [...forms.map((f) => f.plain), `(${forms.flatMap((f) => f.base64).join("|")})`].join("|");
    this.#pattern = forms.length > 0 ? new RegExp(source, "g") : undefined;
  }

  redact(text: string): string {
    if (!this.#pattern) return text;
    const masked: [number, number][] = [];
    for (const match of text.matchAll(this.#pattern)) {
      let start = match.index;
      let end = start + match[0].length;
      if (match[1] !== undefined) {
        while (start > 0 && isBase64Character(text[start - 1]!)) start--;
        while (end < text.length && isBase64Character(text[end]!)) end++;
        while (end < text.length && text[end] === "=") end++;
      }
      const last = masked.at(-1);
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else masked.push([start, end]);
    }
    if (masked.length === 0) return text;
    let result = "";
    let from = 0;
    for (const [start, end] of masked) {
      result += `${text.slice(from, start)}${REDACTED}`;
      from = end;
    }
    return result + text.slice(from);
  }
}
