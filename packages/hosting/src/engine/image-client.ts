import type { ImageBuildResult, ImageBuildSpec } from "./image-build.js";
import type { PullProgress } from "./pull-progress.js";

export interface ImageInfo {
  readonly id: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Whether a registry answered for an image, and what was seen. */
export interface RegistryReachability {
  readonly reachable: boolean;
  /** A short reason, e.g. "no answer within 5 s" or the engine's message. */
  readonly detail: string;
}

export interface ImageClient {
  exists(reference: string): Promise<boolean>;
  /** Undefined when the image is not present locally. */
  inspect(reference: string): Promise<ImageInfo | undefined>;
  /** Pulls an image, reporting aggregated layer progress; throws ImageNotAvailableError when it cannot. */
  pull(reference: string, onProgress?: (progress: PullProgress) => void): Promise<void>;
  /** Asks the engine for the image's registry manifest without pulling it. */
  distributionReachable(reference: string, timeoutMs: number): Promise<RegistryReachability>;
  /**
   * Builds and tags an image from a folder with the engine's classic builder (no BuildKit, never
   * pulls). Throws a BosunError with the build log's tail when a step fails.
   */
  build(spec: ImageBuildSpec): Promise<ImageBuildResult>;
}
