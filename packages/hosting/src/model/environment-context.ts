import type { EnvironmentValue } from "./annotations.js";
import type { RenderTarget } from "./value-resolver.js";

/** What an environment callback can see and set. */
export interface EnvironmentContext {
  /** Where the resource runs: a host process, a container, or a publisher's output. */
  readonly target: RenderTarget;
  readonly env: Map<string, EnvironmentValue>;
}
