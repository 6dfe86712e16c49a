import path from "node:path";
import type { AppHostInfo } from "../model/app-host-info.js";
import { ContainerResource, imageReferenceOf } from "../model/container-resource.js";
import { renderEnvironment, renderArgs } from "../model/environment.js";
import { ExecutableResource } from "../model/executable-resource.js";
import { ParameterResource } from "../model/parameter-resource.js";
import { hasConnectionString, type Resource } from "../model/resource.js";
import { createManifestResolver, type ValueResolver } from "../model/value-resolver.js";
import type { HealthCheck } from "../model/health-check.js";
import type { Manifest, ManifestResource } from "./manifest-types.js";

/**
 * The model as JSON in the spirit of Aspire's manifest. Values that are known only at run time
 * appear as `{resource.bindings.tcp.port}` and `{param.value}`; no secret value is ever written.
 */
export function writeManifest(resources: readonly Resource[], appHost: AppHostInfo): Manifest {
  const resolver = createManifestResolver();
  const entries = resources.map((resource) => [resource.name, describe(resource, resolver, appHost)] as const);
  return { $schema: "bosun-manifest/v0", resources: Object.fromEntries(entries) };
}

function describe(resource: Resource, resolver: ValueResolver, appHost: AppHostInfo): ManifestResource {
  const entry: ManifestResource = { type: resource.type };
  if (resource.parent) entry.parent = resource.parent.name;
  if (hasConnectionString(resource)) entry.connectionString = resolver.render(resource.connectionStringExpression);
  if (resource instanceof ParameterResource) Object.assign(entry, describeParameter(resource));
  if (resource instanceof ContainerResource) Object.assign(entry, describeContainer(resource));
  if (resource instanceof ExecutableResource) {
    entry.command = resource.command;
    entry.workingDirectory = path.relative(appHost.directory, resource.workingDirectory) || ".";
  }
  const args = renderArgs(resource, resolver);
  if (args.length > 0) entry.args = args;
  const env = renderEnvironment(resource, resolver);
  if (Object.keys(env).length > 0) entry.env = env;
  const bindings = describeBindings(resource);
  if (bindings) entry.bindings = bindings;
  const waits = resource.annotationsOf("wait").map((w) => ({ resource: w.target.name, condition: w.kind, ...(w.kind === "completed" ? { exitCode: w.exitCode } : {}) }));
  if (waits.length > 0) entry.waitFor = waits;
  const healthChecks = resource.annotationsOf("health-check").map(({ check }) => describeHealthCheck(check));
  if (healthChecks.length > 0) entry.healthChecks = healthChecks;
  const startupTimeout = resource.lastAnnotationOf("startup-timeout");
  if (startupTimeout) entry.startupTimeoutMs = startupTimeout.milliseconds;
  const references = resource.annotationsOf("reference").map((r) => r.target.name);
  if (references.length > 0) entry.references = references;
  return entry;
}

function describeParameter(parameter: ParameterResource): Partial<ManifestResource> {
  const input: Record<string, unknown> = { type: "string", secret: parameter.secret };
  if (parameter.generate) input.default = { generate: { minLength: parameter.generate.minLength } };
  else if (parameter.defaultValue !== undefined && !parameter.secret) input.default = { value: parameter.defaultValue };
  return { value: `{${parameter.name}.inputs.value}`, inputs: { value: input } };
}

function describeContainer(container: ContainerResource): Partial<ManifestResource> {
  const entry: Partial<ManifestResource> = { image: imageReferenceOf(container) };
  const name = container.lastAnnotationOf("container-name");
  if (name) entry.containerName = name.name;
  const lifetime = container.lastAnnotationOf("lifetime");
  if (lifetime) entry.lifetime = lifetime.lifetime;
  const mounts = container.annotationsOf("mount");
  const volumes = mounts.filter((m) => m.kind === "volume").map((m) => ({ name: m.source, target: m.target, readOnly: m.readOnly }));
  const bindMounts = mounts.filter((m) => m.kind === "bind").map((m) => ({ source: m.source, target: m.target, readOnly: m.readOnly }));
  if (volumes.length > 0) entry.volumes = volumes;
  if (bindMounts.length > 0) entry.bindMounts = bindMounts;
  return entry;
}

function describeBindings(resource: Resource): ManifestResource["bindings"] {
  const endpoints = resource.annotationsOf("endpoint");
  if (endpoints.length === 0) return undefined;
  return Object.fromEntries(
    endpoints.map((e) => [
      e.name,
      { scheme: e.scheme, protocol: "tcp", transport: e.scheme === "tcp" ? "tcp" : "http", port: e.port, targetPort: e.targetPort, ...(e.external ? { external: true } : {}) },
    ]),
  );
}

function describeHealthCheck(check: HealthCheck): NonNullable<ManifestResource["healthChecks"]>[number] {
  if (check.kind === "http") return { kind: "http", endpoint: check.endpointName, path: check.path, statusCode: check.statusCode };
  if (check.kind === "tcp") return { kind: "tcp", endpoint: check.endpointName };
  return { kind: "probe", name: check.name };
}
