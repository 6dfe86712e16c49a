// The floor's servers, read from the bench AppHost's own manifest so both sides run the same
// images (after BOSUN_IMAGE_MAP), environment and arguments.
import { loadImageSubstitution } from "@bosun/hosting/runtime";
import type { Manifest } from "bosun";

export interface ServerSpec {
  readonly name: string;
  readonly image: string;
  readonly env: Readonly<Record<string, string>>;
  readonly args: readonly string[];
  readonly targetPort: number;
}

interface ContainerEntry {
  readonly type: string;
  readonly image?: string;
  readonly env?: Record<string, string>;
  readonly args?: string[];
  readonly bindings?: Record<string, { readonly targetPort: number }>;
}

/** `{cache-password.value}` → the password the bench gave that parameter. */
function render(value: string, parameters: Readonly<Record<string, string>>): string {
  return value.replace(/\{([a-z0-9-]+)\.value\}/g, (placeholder, name: string) => parameters[name] ?? placeholder);
}

export function serversOf(manifest: Manifest, parameters: Readonly<Record<string, string>>): ServerSpec[] {
  const substitution = loadImageSubstitution({ env: process.env, cwd: process.cwd() });
  const entries = Object.entries(manifest.resources as Record<string, ContainerEntry>);
  return entries
    .filter(([, entry]) => entry.type === "container.v0" && entry.image)
    .map(([name, entry]) => ({
      name,
      image: substitution.substitute(entry.image!).image,
      env: Object.fromEntries(Object.entries(entry.env ?? {}).map(([key, value]) => [key, render(value, parameters)])),
      args: (entry.args ?? []).map((arg) => render(arg, parameters)),
      targetPort: Object.values(entry.bindings ?? {})[0]!.targetPort,
    }));
}
