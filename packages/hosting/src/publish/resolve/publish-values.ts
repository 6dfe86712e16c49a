import type { EnvironmentValue } from "../../model/annotations.js";
import { environmentPrefix } from "../../model/environment.js";
import type { EndpointReference, EndpointProperty } from "../../model/endpoint-reference.js";
import type { ParameterResource } from "../../model/parameter-resource.js";
import { createPublishResolver, endpointPropertyValue } from "../../model/value-resolver.js";
import type { PublishValue, PublishValuePart } from "../publish-model.js";
import type { ContainerPorts } from "./container-ports.js";

/** Marks a parameter inside rendered text; made of characters URI-encoding leaves alone. */
const TOKEN = /~~bosun\(([^()~]+)\)~~/g;

/** Renders model values for the target network, parameters left as placeholders; remembers which it saw. */
export interface ValueRendering {
  render(value: EnvironmentValue): PublishValue;
  /** Every parameter rendered so far, keyed by its variable. */
  readonly parameters: ReadonlyMap<string, ParameterResource>;
}

/** The variable a parameter is published as: `postgres-password` → `POSTGRES_PASSWORD`. */
export function parameterVariable(parameter: ParameterResource): string {
  return environmentPrefix(parameter.name);
}

/** host = the service name, port = the port its server listens on inside its container. */
export function createValueRendering(ports: ContainerPorts): ValueRendering {
  const parameters = new Map<string, ParameterResource>();
  const byName = new Map<string, ParameterResource>();
  const endpointPart = (reference: EndpointReference, property: EndpointProperty): string => {
    const port = ports.of(reference);
    return endpointPropertyValue(property, { scheme: port.scheme, host: reference.resource.name, port: port.containerPort, targetPort: port.containerPort });
  };
  const resolver = createPublishResolver(endpointPart, (parameter) => {
    parameters.set(parameterVariable(parameter), parameter);
    byName.set(parameter.name, parameter);
    return `~~bosun(${parameter.name})~~`;
  });
  const render = (value: EnvironmentValue): PublishValue => {
    const text = resolver.render(value);
    const parts: PublishValuePart[] = [];
    let last = 0;
    for (const match of text.matchAll(TOKEN)) {
      if (match.index > last) parts.push(text.slice(last, match.index));
      parts.push({ parameter: parameterVariable(byName.get(match[1]!)!) });
      last = match.index + match[0].length;
    }
    if (last < text.length || parts.length === 0) parts.push(text.slice(last));
    return parts;
  };
  return { render, parameters };
}

/** True when the value holds a placeholder of a secret parameter. */
export function holdsSecret(value: PublishValue, parameters: ReadonlyMap<string, ParameterResource>): boolean {
  return value.some((part) => typeof part !== "string" && parameters.get(part.parameter)?.secret === true);
}
