import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { BosunError } from "../errors/bosun-error.js";
import { DOCKER_HUB_REGISTRY, parseImageReference, splitImageReference } from "./image-reference.js";

export const IMAGE_MAP_VARIABLE = "BOSUN_IMAGE_MAP";
export const REGISTRY_MIRROR_VARIABLE = "BOSUN_REGISTRY_MIRROR";

const MAP_EXAMPLE = `{"docker.io/library/postgres": "bosun-offline/postgres:15"}`;

/** The image to run instead of the requested one, and why; `reason` is absent when nothing applied. */
export interface SubstitutedImage {
  readonly image: string;
  readonly reason?: string;
}

/** Rewrites image references (explicit map first, then a Docker Hub mirror) without touching the AppHost. */
export interface ImageSubstitution {
  /** One line for humans, e.g. `BOSUN_IMAGE_MAP (3 entries from /repo/images/offline/image-map.json)`. */
  readonly description: string;
  substitute(reference: string): SubstitutedImage;
}

export interface LoadImageSubstitutionOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative `BOSUN_IMAGE_MAP` paths are resolved against this folder. */
  readonly cwd: string;
}

interface ImageMap {
  /** Keyed by the normalized reference with tag or digest. */
  readonly exact: ReadonlyMap<string, string>;
  /** Keyed by the normalized name (registry/repository): these match any tag. */
  readonly anyTag: ReadonlyMap<string, string>;
  readonly origin: string;
}

/**
 * Reads `BOSUN_IMAGE_MAP` (a JSON file path or inline JSON) and `BOSUN_REGISTRY_MIRROR` (a prefix
 * that replaces `docker.io`). Throws a BosunError naming the variable when either is malformed.
 * @example loadImageSubstitution({ env: process.env, cwd: process.cwd() }).substitute("redis:8.6")
 */
export function loadImageSubstitution(options: LoadImageSubstitutionOptions): ImageSubstitution {
  const mapValue = options.env[IMAGE_MAP_VARIABLE]?.trim();
  const mirrorValue = options.env[REGISTRY_MIRROR_VARIABLE]?.trim();
  const map = mapValue ? loadImageMap(mapValue, options.cwd) : undefined;
  const mirror = mirrorValue ? normalizeMirror(mirrorValue) : undefined;

  const parts: string[] = [];
  if (map) parts.push(`${IMAGE_MAP_VARIABLE} (${map.exact.size + map.anyTag.size} entries from ${map.origin})`);
  if (mirror) parts.push(`${REGISTRY_MIRROR_VARIABLE}=${mirror}`);

  return {
    description: parts.length === 0 ? "no image substitution" : parts.join(", "),
    substitute: (reference) => substitute(reference, map, mirror),
  };
}

function substitute(reference: string, map: ImageMap | undefined, mirror: string | undefined): SubstitutedImage {
  const parsed = parseImageReference(reference);
  const exact = map?.exact.get(parsed.format());
  if (exact !== undefined) return { image: exact, reason: `${IMAGE_MAP_VARIABLE} entry '${parsed.format()}'` };
  const anyTag = map?.anyTag.get(parsed.name);
  if (anyTag !== undefined) return { image: anyTag, reason: `${IMAGE_MAP_VARIABLE} entry '${parsed.name}' (any tag)` };
  if (mirror !== undefined && parsed.registry === DOCKER_HUB_REGISTRY) {
    const suffix = parsed.format().slice(DOCKER_HUB_REGISTRY.length);
    return { image: `${mirror}${suffix}`, reason: `${REGISTRY_MIRROR_VARIABLE}=${mirror}` };
  }
  return { image: reference };
}

function loadImageMap(value: string, cwd: string): ImageMap {
  const inline = value.startsWith("{") || value.startsWith("[");
  const path = inline ? undefined : isAbsolute(value) ? value : resolve(cwd, value);
  const origin = path ?? "inline JSON";
  const text = path === undefined ? value : readMapFile(path);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw mapError(path, `is not valid JSON (${(error as Error).message})`, error);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw mapError(path, "is not a JSON object");
  }

  const exact = new Map<string, string>();
  const anyTag = new Map<string, string>();
  for (const [key, target] of Object.entries(json)) {
    if (typeof target !== "string" || target.trim() === "") {
      throw mapError(path, `maps '${key}' to ${JSON.stringify(target)}, which is not an image reference`);
    }
    const from = checkedReference(key, path);
    checkedReference(target, path);
    const name = `${from.registry}/${from.repository}`;
    if (from.tag === undefined && from.digest === undefined) anyTag.set(name, target.trim());
    else exact.set(parseImageReference(key).format(), target.trim());
  }
  return { exact, anyTag, origin };
}

function readMapFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BosunError(
      `${IMAGE_MAP_VARIABLE} points at '${path}', which cannot be read (${code}); ` +
        `set it to a readable JSON file or to inline JSON like ${MAP_EXAMPLE}`,
      { code: "CONFIGURATION", cause: error },
    );
  }
}

function checkedReference(reference: string, path: string | undefined) {
  try {
    return splitImageReference(reference);
  } catch (error) {
    throw mapError(path, `has an ${(error as Error).message}`, error);
  }
}

function normalizeMirror(value: string): string {
  const mirror = value.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
  if (mirror === "" || /\s/.test(mirror)) {
    throw new BosunError(
      `${REGISTRY_MIRROR_VARIABLE}='${value}' is not a registry prefix; use a value like mirror.example.com/dockerhub`,
      { code: "CONFIGURATION" },
    );
  }
  return mirror;
}

function mapError(path: string | undefined, problem: string, cause?: unknown): BosunError {
  const where = path === undefined ? "inline JSON" : `file '${path}'`;
  return new BosunError(`${IMAGE_MAP_VARIABLE} (${where}) ${problem}; expected an object like ${MAP_EXAMPLE}`, {
    code: "CONFIGURATION",
    cause,
  });
}
