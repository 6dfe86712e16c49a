import type { Resource } from "../resource.js";

const DNS_LABEL = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Names must be DNS labels (they become host names on the app network) and unique, ignoring case. */
export function checkNames(resources: readonly Resource[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { name } of resources) {
    if (!DNS_LABEL.test(name) || name.includes("--")) {
      problems.push(
        `resource name '${name}' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. '${suggestName(name)}')`,
      );
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, name);
    else problems.push(`resource name '${name}' is used twice (names ignore case, '${first}' came first); rename one of them`);
  }
  return problems;
}

function suggestName(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+|-+$/g, "").slice(0, 63);
  return cleaned || "my-resource";
}
