import { Document } from "yaml";

/** A value publish writes: the shapes Compose and stack files need. */
export type YamlValue = string | number | boolean | readonly YamlValue[] | YamlMapping;
/** A mapping; keys keep the order they were set in, undefined values are left out. */
export interface YamlMapping {
  [key: string]: YamlValue | undefined;
}

/**
 * YAML with a header comment, written by the `yaml` library with the YAML 1.1 schema: docker-compose
 * 1.29 reads with PyYAML (YAML 1.1), so strings such as `yes`, `on` or `080` are quoted, and a
 * YAML 1.2 reader (Compose v2, docker stack deploy) reads them the same. Block style, keys in the
 * order given, lines never folded.
 */
export function toYamlText(header: readonly string[], value: YamlMapping): string {
  const body = new Document(value, { version: "1.1" }).toString({ lineWidth: 0, minContentWidth: 0 });
  return [...header.map((line) => `# ${line}`), body].join("\n");
}
