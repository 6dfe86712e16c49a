/** What to build: a tar stream of a build context and the tag to give the result. */
export interface ImageBuildSpec {
  /**
   * The build context: a tar archive, or a folder and the names at its top to send (packed as a
   * tar stream on the way, symlinks kept). The Dockerfile is at its root unless `dockerfile` says otherwise.
   */
  readonly context: NodeJS.ReadableStream | { readonly directory: string; readonly entries: readonly string[] };
  /** The reference to tag the image with, e.g. `shop-api:latest`. */
  readonly tag: string;
  /** Path of the Dockerfile inside the context; default `Dockerfile`. */
  readonly dockerfile?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** Values of the Dockerfile's `ARG`s. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Stops the upload and the build when aborted. */
  readonly signal?: AbortSignal;
}

/** The built image; `output` is the builder's log (step lines), kept for error messages. */
export interface ImageBuildResult {
  readonly id: string;
  readonly output: readonly string[];
}
