import { BosunError } from "../errors/bosun-error.js";

/** Docker Hub's canonical registry name; references without a registry live here. */
export const DOCKER_HUB_REGISTRY = "docker.io";

const DEFAULT_TAG = "latest";
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/** The parts of a reference exactly as written, before a default tag is applied. */
export interface ImageReferenceParts {
  readonly registry: string;
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/** A normalized image reference: `postgres:17.6` is `docker.io/library/postgres:17.6`. */
export class ImageReference implements ImageReferenceParts {
  readonly registry: string;
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;

  constructor(parts: ImageReferenceParts) {
    this.registry = parts.registry;
    this.repository = parts.repository;
    this.tag = parts.tag;
    this.digest = parts.digest;
  }

  /** Registry and repository without tag or digest, e.g. `docker.io/library/postgres`. */
  get name(): string {
    return `${this.registry}/${this.repository}`;
  }

  /** The fully qualified reference, e.g. `docker.io/library/postgres:17.6`. */
  format(): string {
    const tag = this.tag === undefined ? "" : `:${this.tag}`;
    const digest = this.digest === undefined ? "" : `@${this.digest}`;
    return `${this.name}${tag}${digest}`;
  }

  toString(): string {
    return this.format();
  }
}

/**
 * Parses and normalizes an image reference the way the Docker CLI does; a reference with
 * neither tag nor digest gets the tag `latest`.
 * @example parseImageReference("postgres:17.6").format() // "docker.io/library/postgres:17.6"
 */
export function parseImageReference(reference: string): ImageReference {
  const parts = splitImageReference(reference);
  const tag = parts.tag ?? (parts.digest === undefined ? DEFAULT_TAG : undefined);
  return new ImageReference({ ...parts, tag });
}

/** Splits a reference into registry, repository, tag and digest without defaulting the tag. */
export function splitImageReference(reference: string): ImageReferenceParts {
  const invalid = (why: string) =>
    new BosunError(`invalid image reference '${reference}': ${why}`, { code: "VALIDATION" });
  const text = reference.trim();
  if (text === "") throw invalid("it is empty");

  const at = text.indexOf("@");
  const digest = at === -1 ? undefined : text.slice(at + 1);
  const withoutDigest = at === -1 ? text : text.slice(0, at);
  if (digest !== undefined && !DIGEST.test(digest)) throw invalid(`'${digest}' is not a digest`);

  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  const hasTag = colon > lastSlash;
  const tag = hasTag ? withoutDigest.slice(colon + 1) : undefined;
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  if (tag !== undefined && !TAG.test(tag)) throw invalid(`'${tag}' is not a valid tag`);

  const { registry, path } = splitRegistry(name);
  if (path === "") throw invalid("the repository name is missing");
  for (const component of path.split("/")) {
    if (!PATH_COMPONENT.test(component)) {
      throw invalid(`'${component}' must be lowercase letters, digits and separators (. _ -)`);
    }
  }
  const repository = registry === DOCKER_HUB_REGISTRY && !path.includes("/") ? `library/${path}` : path;
  return { registry, repository, tag, digest };
}

function splitRegistry(name: string): { registry: string; path: string } {
  const slash = name.indexOf("/");
  const first = slash === -1 ? "" : name.slice(0, slash);
  const isRegistry = first.includes(".") || first.includes(":") || first === "localhost";
  if (!isRegistry) return { registry: DOCKER_HUB_REGISTRY, path: name };
  const registry = first === "index.docker.io" ? DOCKER_HUB_REGISTRY : first;
  return { registry, path: name.slice(slash + 1) };
}
