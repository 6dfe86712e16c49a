/** Which engine answers the Docker API: Docker itself, or Podman's Docker-compatible service. */
export type EngineProduct = "Docker" | "Podman";

export interface EngineVersion {
  readonly product: EngineProduct;
  /** The product's own version, e.g. "20.10.24+dfsg1" or "4.3.1". */
  readonly version: string;
  /** The Docker API version it serves, e.g. "1.41". */
  readonly apiVersion: string;
}

/** The parts of GET /version that tell the engines apart (Podman lists a "Podman Engine" component). */
export interface VersionAnswer {
  readonly Version?: string;
  readonly ApiVersion?: string;
  readonly Components?: readonly { readonly Name?: string; readonly Version?: string }[] | null;
}

/**
 * Names the engine behind a /version answer. Podman identifies itself by a component named
 * "Podman Engine"; anything else serving the Docker API is reported as Docker.
 * @example identifyEngine({ Version: "4.3.1", Components: [{ Name: "Podman Engine", Version: "4.3.1" }] }).product // "Podman"
 */
export function identifyEngine(answer: VersionAnswer): EngineVersion {
  const podman = answer.Components?.find((component) => component.Name?.startsWith("Podman"));
  return {
    product: podman ? "Podman" : "Docker",
    version: String(podman?.Version ?? answer.Version ?? "unknown"),
    apiVersion: String(answer.ApiVersion ?? "unknown"),
  };
}

/**
 * One line naming the engine and where it was found, for what bosun prints before a run.
 * @example describeEngine({ product: "Podman", version: "4.3.1", apiVersion: "1.41" }, "default socket /run/podman/podman.sock")
 */
export function describeEngine(version: EngineVersion, endpoint: string): string {
  return `${version.product} ${version.version} (API ${version.apiVersion}) at ${endpoint}`;
}
