import type { EnvironmentValue } from "./annotations.js";
import { EndpointPropertyReference, EndpointReference, type EndpointProperty } from "./endpoint-reference.js";
import { ReferenceExpression, UriEncoded } from "./expression.js";
import { ParameterResource } from "./parameter-resource.js";
import type { Resource } from "./resource.js";

/** Where a rendered value will be used. */
export type RenderTarget = "host" | "container" | "manifest";

/** Turns deferred values into strings for one render target. */
export interface ValueResolver {
  readonly target: RenderTarget;
  render(value: EnvironmentValue): string;
}

/** Where an endpoint ended up at run time. */
export interface AllocatedEndpoint {
  readonly scheme: string;
  /** The port reachable from the host (published port, or the port a host process listens on). */
  readonly hostPort: number;
  /** The port the server listens on inside its container (equals hostPort for host processes). */
  readonly targetPort: number;
  /** The name other containers reach it by on the app network; undefined for host processes. */
  readonly containerHost: string | undefined;
}

export interface RuntimeValues {
  readonly endpoint: (reference: EndpointReference) => AllocatedEndpoint;
  readonly parameter: (parameter: ParameterResource) => string;
}

/** How a container reaches a process listening on the host. */
export const HOST_FROM_CONTAINER = "host.docker.internal";

/** Renders values for a host process or a container, from what the runtime allocated. */
export function createRuntimeResolver(target: "host" | "container", values: RuntimeValues): ValueResolver {
  const endpointPart = (reference: EndpointReference, property: EndpointProperty): string => {
    const allocated = values.endpoint(reference);
    const inNetwork = target === "container" && allocated.containerHost !== undefined;
    const host = target === "host" ? "localhost" : (allocated.containerHost ?? HOST_FROM_CONTAINER);
    const port = inNetwork ? allocated.targetPort : allocated.hostPort;
    return endpointPropertyValue(property, { scheme: allocated.scheme, host, port, targetPort: allocated.targetPort });
  };
  return createResolver(target, endpointPart, (parameter) => values.parameter(parameter));
}

/** Renders values as manifest placeholders: `{postgres.bindings.tcp.port}`, `{password.value}`. */
export function createManifestResolver(): ValueResolver {
  return createResolver(
    "manifest",
    (reference, property) => `{${reference.resource.name}.bindings.${reference.endpointName}.${property}}`,
    (parameter) => `{${parameter.name}.value}`,
  );
}

/**
 * Renders values for a publisher: each endpoint part and parameter as the publisher decides
 * (host = service name, container port, a `${NAME}` placeholder), for a container.
 */
export function createPublishResolver(
  endpointPart: (reference: EndpointReference, property: EndpointProperty) => string,
  parameterValue: (parameter: ParameterResource) => string,
): ValueResolver {
  return createResolver("container", endpointPart, parameterValue);
}

/** One part of an endpoint given its scheme, host and ports. */
export function endpointPropertyValue(
  property: EndpointProperty,
  parts: { scheme: string; host: string; port: number; targetPort: number },
): string {
  switch (property) {
    case "url":
      return `${parts.scheme}://${parts.host}:${parts.port}`;
    case "host":
      return parts.host;
    case "port":
      return String(parts.port);
    case "targetPort":
      return String(parts.targetPort);
    case "scheme":
      return parts.scheme;
    case "hostAndPort":
      return `${parts.host}:${parts.port}`;
  }
}

function createResolver(
  target: RenderTarget,
  endpointPart: (reference: EndpointReference, property: EndpointProperty) => string,
  parameterValue: (parameter: ParameterResource) => string,
): ValueResolver {
  const render = (value: EnvironmentValue): string => {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (value instanceof ParameterResource) return parameterValue(value);
    if (value instanceof EndpointReference) return endpointPart(value, "url");
    if (value instanceof EndpointPropertyReference) return endpointPart(value.endpoint, value.property);
    if (value instanceof UriEncoded) return target === "manifest" ? render(value.value) : encodeURIComponent(render(value.value));
    if (value instanceof ReferenceExpression) {
      return value.literals.reduce((out, literal, i) => out + render(value.values[i - 1] ?? "") + literal);
    }
    return render(value.connectionStringExpression);
  };
  return { target, render };
}

/** Every parameter a value depends on (to resolve them before rendering). */
export function parametersIn(value: EnvironmentValue): ParameterResource[] {
  if (value instanceof ParameterResource) return [value];
  if (value instanceof UriEncoded) return parametersIn(value.value);
  if (value instanceof ReferenceExpression) return value.values.flatMap(parametersIn);
  if (typeof value === "object" && "connectionStringExpression" in value) return parametersIn(value.connectionStringExpression);
  return [];
}

/** Every resource a value depends on (endpoints' owners, parameters, connection-string owners). */
export function resourcesIn(value: EnvironmentValue): Resource[] {
  if (value instanceof ParameterResource) return [value];
  if (value instanceof EndpointReference) return [value.resource];
  if (value instanceof EndpointPropertyReference) return [value.endpoint.resource];
  if (value instanceof UriEncoded) return resourcesIn(value.value);
  if (value instanceof ReferenceExpression) return value.values.flatMap(resourcesIn);
  if (typeof value === "object") return resourcesIn(value.connectionStringExpression);
  return [];
}
