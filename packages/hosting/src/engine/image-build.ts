/** What to build: a folder holding the Dockerfile at its root, and the tag to give the result. */
export interface ImageBuildSpec {
  /** The build context: a folder and the names at its top to send (packed as a tar stream on the way, symlinks kept). */
  readonly context: { readonly directory: string; readonly entries: readonly string[] };
  /** The reference to tag the image with, e.g. `shop-api:latest`. */
  readonly tag: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** The built image. */
export interface ImageBuildResult {
  readonly id: string;
}
