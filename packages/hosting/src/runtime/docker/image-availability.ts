import { ImageNotAvailableError } from "../../errors/bosun-error.js";
import type { EngineClient } from "../../engine/engine-client.js";
import { formatPullProgress } from "../../engine/pull-progress.js";
import { IMAGE_MAP_VARIABLE, REGISTRY_MIRROR_VARIABLE, type SubstitutedImage } from "../../images/image-substitution.js";

const SUBSTITUTION_HINT =
  `without registry access, map it to a local image with ${IMAGE_MAP_VARIABLE} (a JSON file or inline JSON, ` +
  `e.g. {"docker.io/library/redis": "bosun-offline/redis:7"}), point ${REGISTRY_MIRROR_VARIABLE} at a reachable mirror, ` +
  `or build the offline stand-ins with \`npm run images:offline\` and set ${IMAGE_MAP_VARIABLE}=images/offline/image-map.json`;

/** `'bosun-offline/redis:7' (for 'docker.io/library/redis:8.6', BOSUN_IMAGE_MAP entry …)` or just the image. */
export function describeImage(requested: string, substituted: SubstitutedImage): string {
  if (substituted.reason === undefined) return `'${substituted.image}'`;
  return `'${substituted.image}' (for '${requested}', ${substituted.reason})`;
}

/** The error for an image that is neither on the engine nor pullable, naming the substitution mechanism. */
export function imageNotAvailable(resource: string, image: string, reason: string, cause?: unknown): ImageNotAvailableError {
  return new ImageNotAvailableError(`resource '${resource}': image ${image} is not available: ${reason}; ${SUBSTITUTION_HINT}`, cause);
}

export interface EnsureImageOptions {
  readonly engine: EngineClient;
  readonly resource: string;
  readonly requested: string;
  readonly substituted: SubstitutedImage;
  readonly onProgress?: (resource: string, text: string) => void;
}

/** Pulls the image unless the engine has it; a failed pull names the resource and how to substitute. */
export async function ensureImage(options: EnsureImageOptions): Promise<void> {
  const { engine, resource, substituted } = options;
  if (await engine.images.exists(substituted.image)) return;
  let last = "";
  const report = (text: string) => {
    if (text !== last) options.onProgress?.(resource, text);
    last = text;
  };
  report(`pulling ${substituted.image}`);
  try {
    await engine.images.pull(substituted.image, (progress) => report(formatPullProgress(progress)));
  } catch (error) {
    if (!(error instanceof ImageNotAvailableError)) throw error;
    // The engine layer's message starts with the action and ends with its own generic hint; keep what went wrong.
    const reason = (error.message.split("; ")[0] ?? error.message).replace(/^cannot pull image '[^']*': /, "");
    throw imageNotAvailable(resource, describeImage(options.requested, substituted), `it is not on the engine and pulling failed (${reason})`, error);
  }
  report(`pulled ${substituted.image}`);
}
