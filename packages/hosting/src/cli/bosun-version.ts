import { readFileSync } from "node:fs";

/** The version of @bosun/hosting, read from its package.json (one level above both src/ and dist/). */
export function bosunVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "unknown";
}
