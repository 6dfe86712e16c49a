import type { EnvironmentValue } from "../annotations.js";
import { EndpointPropertyReference, EndpointReference } from "../endpoint-reference.js";
import { ReferenceExpression, UriEncoded } from "../expression.js";
import type { Resource } from "../resource.js";
import { finding, type Finding } from "./finding.js";
import { ENVIRONMENT_NAME } from "./value-formats.js";

/** Environment names a process can take, and values that name only endpoints the model has. */
export function checkValues(resources: readonly Resource[]): Finding[] {
  const known = new Set(resources);
  const findings: Finding[] = [];
  for (const resource of resources) {
    for (const env of resource.annotationsOf("environment")) {
      if (!ENVIRONMENT_NAME.test(env.name)) {
        findings.push(finding(`resource '${resource.name}' sets the environment variable '${env.name}'; a name must be non-empty and without "="`, env));
      }
      findings.push(...missingEndpoints(resource, env.value, known).map((m) => finding(`${m} in ${env.name}`, env)));
    }
    for (const args of resource.annotationsOf("args")) {
      for (const arg of args.args) findings.push(...missingEndpoints(resource, arg, known).map((m) => finding(`${m} in its arguments`, args)));
    }
  }
  return findings;
}

function missingEndpoints(resource: Resource, value: EnvironmentValue, known: Set<Resource>): string[] {
  return endpointsIn(value)
    .filter((e) => known.has(e.resource) && !e.resource.annotationsOf("endpoint").some((a) => a.name === e.endpointName))
    .map((e) => `resource '${resource.name}' uses endpoint '${e.endpointName}' of '${e.resource.name}', which '${e.resource.name}' does not have; declare it with .withEndpoint({ name: "${e.endpointName}" }) or use one it has`);
}

function endpointsIn(value: EnvironmentValue): EndpointReference[] {
  if (value instanceof EndpointReference) return [value];
  if (value instanceof EndpointPropertyReference) return [value.endpoint];
  if (value instanceof UriEncoded) return endpointsIn(value.value);
  if (value instanceof ReferenceExpression) return value.values.flatMap(endpointsIn);
  return [];
}
