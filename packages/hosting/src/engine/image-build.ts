/** What to build: a tar stream of a build context and the tag to give the result. */
export interface ImageBuildSpec {
  /** A tar archive of the build context (Dockerfile at its root unless `dockerfile` says otherwise). */
  readonly context: NodeJS.ReadableStream;
  /** The reference to tag the image with, e.g. `shop-api:latest`. */
  readonly tag: string;
  /** Path of the Dockerfile inside the context; default `Dockerfile`. */
  readonly dockerfile?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** Stops the upload and the build when aborted. */
  readonly signal?: AbortSignal;
}

/** The built image; `output` is the builder's log (step lines), kept for error messages. */
export interface ImageBuildResult {
  readonly id: string;
  readonly output: readonly string[];
}
