import type Docker from "dockerode";
import { toEngineError } from "../engine-error.js";
import type { ImageBuildResult, ImageBuildSpec } from "../image-build.js";
import type { ImageClient, ImageInfo, RegistryReachability } from "../image-client.js";
import { PullProgressTracker, type PullEvent, type PullProgress } from "../pull-progress.js";
import { buildImage } from "./build-image.js";
import { callEngineOptional } from "./call-engine.js";
import { checkRegistry } from "./registry-check.js";

export class DockerodeImageClient implements ImageClient {
  readonly #docker: Docker;
  readonly #endpoint: string;

  constructor(docker: Docker, endpoint: string) {
    this.#docker = docker;
    this.#endpoint = endpoint;
  }

  async exists(reference: string): Promise<boolean> {
    return (await this.inspect(reference)) !== undefined;
  }

  async inspect(reference: string): Promise<ImageInfo | undefined> {
    const operation = { action: `inspect image '${reference}'`, endpoint: this.#endpoint };
    const image = await callEngineOptional(operation, () => this.#docker.getImage(reference).inspect());
    return image === undefined ? undefined : { id: image.Id, labels: image.Config?.Labels ?? {} };
  }

  async pull(reference: string, onProgress?: (progress: PullProgress) => void): Promise<void> {
    const operation = { action: `pull image '${reference}'`, endpoint: this.#endpoint, image: reference };
    const tracker = new PullProgressTracker(reference);
    try {
      const stream = await this.#docker.pull(reference);
      const events = await new Promise<PullEvent[]>((resolve, reject) => {
        const onEvent = (event: PullEvent) => onProgress?.(tracker.update(event));
        this.#docker.modem.followProgress(stream, (error, output) => (error ? reject(error) : resolve(output)), onEvent);
      });
      // The engine reports a failed pull as an event in an otherwise successful stream.
      const failure = events.find((event) => event.error !== undefined);
      if (failure) throw new Error(failure.errorDetail?.message ?? failure.error);
    } catch (error) {
      throw toEngineError(error, operation);
    }
  }

  distributionReachable(reference: string, timeoutMs: number): Promise<RegistryReachability> {
    return checkRegistry(this.#docker, reference, timeoutMs);
  }

  build(spec: ImageBuildSpec): Promise<ImageBuildResult> {
    return buildImage(this.#docker, this.#endpoint, spec);
  }
}
