import { isIP } from "node:net";
import type { EndpointAnnotation } from "../annotations.js";
import { ContainerResource } from "../container-resource.js";
import type { Resource } from "../resource.js";
import { finding, type Finding } from "./finding.js";
import { ENVIRONMENT_NAME, isPort, PORT_RANGE } from "./value-formats.js";

const ENDPOINT_NAME = /^[a-z][a-z0-9_-]*$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*$/i;

/** Ports in range, endpoint names unique per resource, and no host port claimed twice. */
export function checkEndpoints(resources: readonly Resource[]): Finding[] {
  const problems: Finding[] = [];
  const claimed = new Map<number, string>();
  for (const resource of resources) {
    problems.push(...checkHealthCheckEndpoints(resource));
    const names = new Set<string>();
    for (const endpoint of resource.annotationsOf("endpoint")) {
      if (names.has(endpoint.name)) {
        problems.push(finding(`resource '${resource.name}' has two endpoints named '${endpoint.name}'; give one of them another name with { name: "…" }`, endpoint));
      }
      names.add(endpoint.name);
      problems.push(...checkEndpoint(resource, endpoint).map((message) => finding(message, endpoint)));
      if (endpoint.port !== undefined && isPort(endpoint.port)) {
        const owner = claimed.get(endpoint.port);
        if (owner !== undefined) {
          problems.push(
            finding(`resources '${owner}' and '${resource.name}' both claim host port ${endpoint.port}; give one of them another port with .withHostPort(…)`, endpoint),
          );
        } else {
          claimed.set(endpoint.port, resource.name);
        }
      }
    }
  }
  return problems;
}

function checkEndpoint(resource: Resource, endpoint: EndpointAnnotation): string[] {
  const where = `resource '${resource.name}' endpoint '${endpoint.name}'`;
  const problems: string[] = [];
  if (!ENDPOINT_NAME.test(endpoint.name)) {
    problems.push(`resource '${resource.name}' has an endpoint named '${endpoint.name}'; use letters, digits, hyphens and underscores, starting with a letter (e.g. { name: "metrics" })`);
  }
  for (const [label, port] of [["port", endpoint.port], ["targetPort", endpoint.targetPort]] as const) {
    if (port !== undefined && !isPort(port)) problems.push(`${where} has ${label} ${port}, outside ${PORT_RANGE}; choose a port in that range`);
  }
  if (resource instanceof ContainerResource && endpoint.targetPort === undefined && endpoint.port === undefined) {
    problems.push(`${where} has no targetPort; say which port the container listens on with { targetPort: … }`);
  }
  if (!SCHEME.test(endpoint.scheme)) problems.push(`${where} has scheme '${endpoint.scheme}'; use a URL scheme such as "http", "https" or "tcp"`);
  if (endpoint.env !== undefined && !ENVIRONMENT_NAME.test(endpoint.env)) {
    problems.push(`${where} passes its port in '${endpoint.env}', which is not an environment variable name; use a name without "=" (e.g. { env: "PORT" })`);
  }
  if (endpoint.hostIp !== undefined && isIP(endpoint.hostIp) === 0) {
    problems.push(`${where} publishes on '${endpoint.hostIp}', which is not an IP address; use e.g. { hostIp: "0.0.0.0" } or leave it out for 127.0.0.1`);
  }
  return problems;
}

/** An HTTP or TCP health check must name an endpoint the resource has. */
function checkHealthCheckEndpoints(resource: Resource): Finding[] {
  const endpoints = new Set(resource.annotationsOf("endpoint").map((e) => e.name));
  return resource.annotationsOf("health-check").flatMap((annotation) => {
    const check = annotation.check;
    if (check.kind === "probe" || endpoints.has(check.endpointName)) return [];
    const message = `resource '${resource.name}' has health check '${check.name}' on endpoint '${check.endpointName}', which it does not have; add .withHttpEndpoint() first or pass { endpointName }`;
    return [finding(message, annotation)];
  });
}
