import { ValidationError } from "../../errors/bosun-error.js";
import type { Resource } from "../resource.js";
import { checkContainers } from "./container-rules.js";
import { checkCycles, checkEdges } from "./edge-rules.js";
import { checkEndpoints } from "./endpoint-rules.js";
import { toProblem } from "./finding.js";
import { checkLifecycle } from "./lifecycle-rules.js";
import { checkNames } from "./name-rules.js";
import { checkResources } from "./resource-rules.js";
import { checkValues } from "./value-rules.js";

/**
 * Checks the whole model and throws one `ValidationError` listing every problem, each naming the
 * resource and the fix, and where the user's code asked for it. Runs before anything starts.
 */
export function validateModel(resources: readonly Resource[]): void {
  const findings = [
    ...checkNames(resources),
    ...checkEdges(resources),
    ...checkCycles(resources),
    ...checkEndpoints(resources),
    ...checkContainers(resources),
    ...checkValues(resources),
    ...checkLifecycle(resources),
    ...checkResources(resources),
  ];
  if (findings.length > 0) throw new ValidationError(findings.map(toProblem));
}
