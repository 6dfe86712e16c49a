import { createHash } from "node:crypto";
import path from "node:path";

/** Identifies one AppHost: its folder, a readable name and a short id stable for that folder. */
export interface AppHostInfo {
  readonly directory: string;
  /** DNS-safe name used in labels, volume and network names. */
  readonly name: string;
  /** 8 hex characters derived from the AppHost's absolute path. */
  readonly id: string;
}

/**
 * The AppHost of `directory` (default: the folder of the script Node was started with). Its name is
 * the project's folder when the AppHost lives in an `apphost/` folder, else the folder itself.
 */
export function describeAppHost(directory?: string, name?: string): AppHostInfo {
  const folder = path.resolve(directory ?? defaultAppHostDirectory());
  const base = path.basename(folder) === "apphost" ? path.basename(path.dirname(folder)) : path.basename(folder);
  const id = createHash("sha256").update(folder).digest("hex").slice(0, 8);
  return { directory: folder, name: toDnsName(name ?? base), id };
}

function defaultAppHostDirectory(): string {
  const script = process.argv[1];
  return script ? path.dirname(path.resolve(script)) : process.cwd();
}

function toDnsName(value: string): string {
  const cleaned = value.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return cleaned || "app";
}
