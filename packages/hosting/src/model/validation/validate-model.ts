import { ValidationError } from "../../errors/bosun-error.js";
import type { Resource } from "../resource.js";
import { checkCycles, checkEdges } from "./edge-rules.js";
import { checkNames } from "./name-rules.js";
import { checkEndpoints } from "./endpoint-rules.js";

/**
 * Checks the whole model and throws one `ValidationError` listing every problem, each naming the
 * resource and the fix. Runs before anything starts.
 */
export function validateModel(resources: readonly Resource[]): void {
  const problems = [...checkNames(resources), ...checkEdges(resources), ...checkCycles(resources), ...checkEndpoints(resources)];
  if (problems.length > 0) throw new ValidationError(problems);
}
