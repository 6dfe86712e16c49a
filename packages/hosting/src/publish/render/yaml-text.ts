import { Document } from "yaml";

/**
 * YAML with a header comment, quoted wherever a YAML 1.1 reader (docker-compose 1.29's PyYAML)
 * would read a string as something else (`"80:22"`, `"yes"`), lines never folded.
 */
export function toYamlText(header: readonly string[], value: unknown): string {
  const document = new Document(value, { version: "1.1" });
  const comment = header.map((line) => `# ${line}`).join("\n");
  return `${comment}\n${document.toString({ lineWidth: 0, minContentWidth: 0 })}`;
}
