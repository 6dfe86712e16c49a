import { ExecutableResource } from "../executable-resource.js";
import { NodeAppResource } from "../node-app-resource.js";
import { ParameterResource } from "../parameter-resource.js";
import type { Resource } from "../resource.js";
import { finding, type Finding } from "./finding.js";

/** What each kind of resource needs of its own (a command, a script, a parameter's length) and what integrations check. */
export function checkResources(resources: readonly Resource[]): Finding[] {
  return resources.flatMap((resource) => [...checkOwnFields(resource), ...resource.checkSettings().map((m) => finding(m, resource))]);
}

function checkOwnFields(resource: Resource): Finding[] {
  const problems: string[] = [];
  if (resource instanceof NodeAppResource) {
    if (resource.script.trim() === "") problems.push(`resource '${resource.name}' has an empty script; name the entry file, e.g. addNodeApp("${resource.name}", "../${resource.name}", "src/index.ts")`);
  } else if (resource instanceof ExecutableResource && resource.command.trim() === "") {
    problems.push(`resource '${resource.name}' has an empty command; name the program to run, e.g. addExecutable("${resource.name}", "python3", "../worker", ["main.py"])`);
  }
  if (resource instanceof ParameterResource && resource.generate !== undefined) {
    const { minLength } = resource.generate;
    if (!(Number.isInteger(minLength) && minLength >= 1 && minLength <= 1024)) {
      problems.push(`parameter '${resource.name}' asks for a generated value of length ${minLength}; use a whole number from 1 to 1024 (e.g. { generate: { minLength: 22 } })`);
    }
  }
  return problems.map((m) => finding(m, resource));
}
