import { ownerNameOf } from "../derived-resources.js";
import type { Resource } from "../resource.js";
import { finding, type Finding } from "./finding.js";

const DNS_LABEL = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_NAME_LENGTH = 63;

/**
 * Names must be DNS labels (they become host names on the app network) and unique, ignoring case.
 * A resource an integration derives from the user's (`cache-password` for `cache`) is reported on
 * the user's name, once: its problems are the user's resource's problems.
 */
export function checkNames(resources: readonly Resource[]): Finding[] {
  const findings: Finding[] = [];
  const counts = countNames(resources);
  const seen = new Map<string, Resource>();
  const ownersTooLong = new Set<string>();
  for (const resource of resources) {
    const { name } = resource;
    const owner = ownerNameOf(resource);
    if (!isDnsLabel(name)) {
      if (owner === undefined) findings.push(finding(notDnsLabel(name), resource));
      else if (isDnsLabel(owner) && !ownersTooLong.has(owner)) {
        ownersTooLong.add(owner);
        findings.push(finding(derivedTooLong(owner, longestDerived(resources, owner)), resource));
      }
    }
    const key = String(name).toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, resource);
      continue;
    }
    const maker = owner ?? ownerNameOf(first);
    if (maker === undefined) findings.push(finding(`resource name '${name}' is used twice (names ignore case, '${first.name}' came first); rename one of them`, resource));
    else if (owner === undefined || (counts.get(owner.toLowerCase()) ?? 0) < 2) findings.push(finding(derivedTaken(maker, name), resource));
  }
  return findings;
}

export function isDnsLabel(name: unknown): boolean {
  return typeof name === "string" && DNS_LABEL.test(name) && !name.includes("--");
}

/** The longest name made from `owner`: the one that decides how short `owner` must be. */
function longestDerived(resources: readonly Resource[], owner: string): string {
  const derived = resources.filter((r) => ownerNameOf(r) === owner).map((r) => r.name);
  return derived.reduce((longest, name) => (name.length > longest.length ? name : longest), "");
}

function countNames(resources: readonly Resource[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { name } of resources) counts.set(String(name).toLowerCase(), (counts.get(String(name).toLowerCase()) ?? 0) + 1);
  return counts;
}

function notDnsLabel(name: string): string {
  return `resource name '${name}' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most ${MAX_NAME_LENGTH} characters (e.g. '${suggestName(String(name))}')`;
}

function derivedTooLong(owner: string, derived: string): string {
  const room = MAX_NAME_LENGTH - (derived.length - owner.length);
  return `resource name '${owner}' is too long for the resource '${derived}' made from it (at most ${MAX_NAME_LENGTH} characters); shorten '${owner}' to at most ${room} characters`;
}

function derivedTaken(owner: string, derived: string): string {
  return `resource name '${derived}' is used twice: '${owner}' makes a resource of that name; rename the other '${derived}' or '${owner}'`;
}

function suggestName(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+|-+$/g, "").slice(0, MAX_NAME_LENGTH);
  return cleaned || "my-resource";
}
