/** A value the emitter writes: the shapes Compose and stack files need. */
export type YamlValue = string | number | boolean | readonly YamlValue[] | YamlMapping;
/** A mapping; keys keep the order they were set in, undefined values are left out. */
export interface YamlMapping {
  [key: string]: YamlValue | undefined;
}

/** Characters a plain scalar cannot start with, in block context. */
const INDICATOR = /^[?:,[\]{}#&*!|>'"%@`\s]|^-(\s|$)/;
/** What YAML 1.1 (PyYAML) or 1.2 would read as a number, boolean, null, timestamp, merge or value key. */
const IMPLICIT = [
  /^[-+]?[0-9_.:]*([eE][-+]?[0-9]+)?$/,
  /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7]+)$/,
  /^[-+]?\.(inf|nan)$/i,
  /^\d{4}-\d\d?-\d\d?/,
  /^(y|n|yes|no|on|off|true|false|null|~|<<|=)$/i,
];

/** Plain (unquoted) only when no YAML 1.1 or 1.2 reader could take it for anything but this string. */
function isPlain(text: string): boolean {
  if (text === "" || INDICATOR.test(text) || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|: | #|:$|\s$/.test(text)) return false;
  return !IMPLICIT.some((pattern) => pattern.test(text));
}

/**
 * YAML with a header comment. Block style, keys in the order given, strings plain only when
 * unambiguous for a YAML 1.1 reader (docker-compose 1.29's PyYAML) and otherwise double-quoted
 * (JSON's escapes are YAML's), lines never folded. Small and fast: a 1,000-resource model's file
 * is written in milliseconds.
 */
export function toYamlText(header: readonly string[], value: YamlMapping): string {
  const lines = header.map((line) => `# ${line}`);
  writeMapping(value, "", lines);
  return `${lines.join("\n")}\n`;
}

function scalar(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  if (isPlain(value)) return value;
  // single quotes read better around JSON and need no escapes but '' (YAML has none for control characters there)
  return value.includes('"') && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value) ? `'${value.replaceAll("'", "''")}'` : JSON.stringify(value);
}

function isCollection(value: YamlValue): value is readonly YamlValue[] | YamlMapping {
  return typeof value === "object";
}

function isEmpty(value: YamlValue): boolean {
  return isCollection(value) && (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
}

function writeMapping(mapping: YamlMapping, indent: string, lines: string[]): void {
  for (const [key, value] of Object.entries(mapping)) {
    if (value === undefined) continue;
    const name = scalar(key);
    if (!isCollection(value)) lines.push(`${indent}${name}: ${scalar(value)}`);
    else if (isEmpty(value)) lines.push(`${indent}${name}: ${Array.isArray(value) ? "[]" : "{}"}`);
    else {
      lines.push(`${indent}${name}:`);
      writeBlock(value, `${indent}  `, lines);
    }
  }
}

function writeBlock(value: readonly YamlValue[] | YamlMapping, indent: string, lines: string[]): void {
  if (!Array.isArray(value)) return writeMapping(value as YamlMapping, indent, lines);
  for (const item of value as readonly YamlValue[]) {
    if (!isCollection(item)) lines.push(`${indent}- ${scalar(item)}`);
    else if (isEmpty(item)) lines.push(`${indent}- ${Array.isArray(item) ? "[]" : "{}"}`);
    else {
      const nested: string[] = [];
      writeBlock(item, `${indent}  `, nested);
      lines.push(`${indent}- ${nested[0]!.slice(indent.length + 2)}`, ...nested.slice(1));
    }
  }
}
