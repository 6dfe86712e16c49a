import type Docker from "dockerode";
import { BosunError } from "../../errors/bosun-error.js";
import { toEngineError } from "../engine-error.js";
import type { ImageBuildResult, ImageBuildSpec } from "../image-build.js";

/** One JSON message of the engine's build stream. */
interface BuildEvent {
  readonly stream?: string;
  readonly error?: string;
  readonly errorDetail?: { readonly message?: string };
  readonly aux?: { readonly ID?: string };
}

const LOG_TAIL_LINES = 15;

/** Builds an image through the engine API (classic builder), following its output to the end. */
export async function buildImage(docker: Docker, endpoint: string, spec: ImageBuildSpec): Promise<ImageBuildResult> {
  const operation = { action: `build image '${spec.tag}'`, endpoint };
  const output: string[] = [];
  let events: BuildEvent[];
  try {
    const context = { context: spec.context.directory, src: [...spec.context.entries] };
    const stream = await docker.buildImage(context, { t: spec.tag, labels: { ...spec.labels }, rm: true, forcerm: true });
    events = await new Promise<BuildEvent[]>((resolve, reject) => {
      const onEvent = (event: BuildEvent) => {
        for (const line of (event.stream ?? "").split("\n")) if (line.trim() !== "") output.push(line);
      };
      docker.modem.followProgress(stream, (error, result) => (error ? reject(error) : resolve(result as BuildEvent[])), onEvent);
    });
  } catch (error) {
    throw toEngineError(error, operation);
  }
  // A failed step arrives as an event in an otherwise successful stream.
  const failure = events.find((event) => event.error !== undefined);
  if (failure) {
    const reason = failure.errorDetail?.message ?? failure.error ?? "unknown error";
    const tail = output.slice(-LOG_TAIL_LINES).join("\n");
    throw new BosunError(`cannot build image '${spec.tag}': ${reason}\n--- last lines of the build ---\n${tail}`, { code: "RUNTIME" });
  }
  const id = events.findLast((event) => event.aux?.ID !== undefined)?.aux?.ID ?? (await docker.getImage(spec.tag).inspect()).Id;
  return { id };
}
