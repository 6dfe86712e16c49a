import { malformed } from "./connection-string.js";

/**
 * Splits `Key=Value;Key2="a;b"` into pairs. Keys are normalised (lower case, no spaces: `User ID`
 * → `userid`); values may be quoted with `"` or `'`, a doubled quote standing for itself.
 * Errors name the position of the part, never its text, since the part may hold the password.
 */
export function parseKeywordList(value: string, variable: string): Map<string, { key: string; value: string }> {
  const pairs = new Map<string, { key: string; value: string }>();
  let position = 0;
  let index = 0;
  while (position < value.length) {
    index += 1;
    const equals = value.indexOf("=", position);
    const semicolon = value.indexOf(";", position);
    if (equals === -1 || (semicolon !== -1 && semicolon < equals)) {
      if (value.slice(position, semicolon === -1 ? undefined : semicolon).trim() === "") {
        position = semicolon === -1 ? value.length : semicolon + 1;
        continue;
      }
      throw malformed(variable, `part ${index} of the keyword list has no '=' (expected Key=Value;Key=Value)`);
    }
    const key = value.slice(position, equals).trim();
    if (key === "") throw malformed(variable, `part ${index} of the keyword list has no keyword before '='`);
    const [parsed, next] = readValue(value, equals + 1, variable, key);
    pairs.set(normalizeKeyword(key), { key, value: parsed });
    position = next;
  }
  return pairs;
}

export function normalizeKeyword(key: string): string {
  return key.replace(/\s+/g, "").toLowerCase();
}

function readValue(text: string, start: number, variable: string, key: string): [string, number] {
  let position = start;
  while (text[position] === " ") position += 1;
  const quote = text[position];
  if (quote !== '"' && quote !== "'") {
    const end = text.indexOf(";", start);
    return [text.slice(start, end === -1 ? undefined : end).trim(), end === -1 ? text.length : end + 1];
  }
  let result = "";
  position += 1;
  for (;;) {
    const close = text.indexOf(quote, position);
    if (close === -1) throw malformed(variable, `the quoted value of '${key}' is not closed`);
    result += text.slice(position, close);
    if (text[close + 1] === quote) {
      result += quote;
      position = close + 2;
      continue;
    }
    position = close + 1;
    break;
  }
  while (text[position] === " ") position += 1;
  if (position < text.length && text[position] !== ";") {
    throw malformed(variable, `the quoted value of '${key}' is followed by text before the next ';'`);
  }
  return [result, position + 1];
}
