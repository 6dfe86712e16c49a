import type { Manifest, ManifestResource } from "../manifest/manifest-types.js";

/**
 * A resource's manifest entry as restore compares it: placeholders instead of secrets, and its
 * volumes by mount path only, so a snapshot goes back into a volume of another name (a fresh app).
 */
export function resourceModelOf(manifest: Manifest, name: string): ManifestResource {
  const entry = manifest.resources[name];
  if (!entry) return { type: "missing" };
  const { volumes, ...rest } = entry;
  return volumes ? { ...rest, volumes: volumes.map(({ target, readOnly }) => ({ name: undefined, target, readOnly })) } : rest;
}

/** The dotted paths where two values differ, e.g. `env.POSTGRES_USER`, `image`; empty when equal. */
export function differencesOf(recorded: unknown, current: unknown, at = ""): string[] {
  if (JSON.stringify(recorded) === JSON.stringify(current)) return [];
  if (!isRecord(recorded) || !isRecord(current)) return [at || "(whole entry)"];
  const keys = [...new Set([...Object.keys(recorded), ...Object.keys(current)])].sort();
  return keys.flatMap((key) => differencesOf(recorded[key], current[key], at ? `${at}.${key}` : key));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
