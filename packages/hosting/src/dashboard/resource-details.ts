import type { RunningApp } from "../app/running-app.js";
import { ContainerResource } from "../model/container-resource.js";
import { environmentOf } from "../model/environment.js";
import { ExecutableResource } from "../model/executable-resource.js";
import { ParameterResource } from "../model/parameter-resource.js";
import { hasConnectionString, type Resource } from "../model/resource.js";
import { parametersIn } from "../model/value-resolver.js";
import type { HealthCheckResult } from "../orchestrator/resource-state.js";
import { waitsOf } from "../orchestrator/wait-conditions.js";
import type { EnvironmentEntry, HealthCheckView, NameValue, ResourceDetails } from "./protocol.js";
import type { ResourceViews } from "./resource-views.js";

/** What the details page reads of the running app. */
export type DetailsSource = Pick<RunningApp, "environment" | "lastHealthCheck" | "connectionString">;

/** One resource's details page: its row plus properties, environment, volumes, checks and references. */
export function resourceDetails(views: ResourceViews, app: DetailsSource, name: string): ResourceDetails | undefined {
  const resource = views.resource(name);
  if (!resource) return undefined;
  const view = views.view(name);
  const connectionString = connectionStringOf(app, resource);
  const references = new Set([...waitsOf(resource), ...resource.annotationsOf("reference")].map((a) => a.target.name));
  return {
    ...view,
    properties: propertiesOf(resource),
    environment: environmentEntries(resource, app.environment(name)),
    ...(connectionString === undefined ? {} : { connectionString: { value: connectionString, secret: true as const } }),
    volumes: resource.annotationsOf("mount").map((m) => ({ source: m.source ?? "(anonymous volume)", target: m.target, readOnly: m.readOnly })),
    healthChecks: healthChecksOf(resource, app.lastHealthCheck(name)),
    references: [...references],
  };
}

function propertiesOf(resource: Resource): NameValue[] {
  const properties: NameValue[] = [{ name: "type", value: resource.type }];
  if (resource instanceof ExecutableResource) properties.push({ name: "working directory", value: resource.workingDirectory });
  if (resource instanceof ContainerResource) {
    const name = resource.lastAnnotationOf("container-name")?.name;
    if (name) properties.push({ name: "container name", value: name });
    properties.push({ name: "lifetime", value: resource.lastAnnotationOf("lifetime")?.lifetime ?? "session" });
  }
  if (resource instanceof ParameterResource) properties.push({ name: "secret", value: String(resource.secret) }, { name: "configuration key", value: resource.configKey });
  if (resource.parent) properties.push({ name: "parent", value: resource.parent.name });
  return properties;
}

/**
 * The variables it was started with, each flagged secret when its value holds a secret parameter
 * (a password, or a connection string that includes one). Before the first start: none.
 */
function environmentEntries(resource: Resource, rendered: Readonly<Record<string, string>> | undefined): EnvironmentEntry[] {
  if (!rendered) return [];
  const model = environmentOf(resource, resource instanceof ContainerResource ? "container" : "host");
  return Object.entries(rendered).map(([name, value]) => {
    const unrendered = model.get(name);
    const secret = unrendered !== undefined && typeof unrendered !== "boolean" && parametersIn(unrendered).some((p) => p.secret);
    return { name, value, secret };
  });
}

function connectionStringOf(app: DetailsSource, resource: Resource): string | undefined {
  if (!hasConnectionString(resource)) return undefined;
  try {
    return app.connectionString(resource.name);
  } catch {
    return undefined;
  }
}

/**
 * Each check's last result. A round stops at the first failing check: those before it passed,
 * those after it keep no result from that round.
 */
function healthChecksOf(resource: Resource, last: HealthCheckResult | undefined): HealthCheckView[] {
  const names = resource.annotationsOf("health-check").map((a) => a.check.name);
  const failing = last && !last.healthy ? names.findIndex((n) => last.reason?.startsWith(`health check '${n}' failed`)) : -1;
  return names.map((name, index) => {
    if (!last || (failing >= 0 && index > failing)) return { name };
    const healthy = last.healthy || index < failing;
    return { name, lastResult: healthy ? "Healthy" : "Unhealthy", ...(healthy || !last.reason ? {} : { lastReason: last.reason }), lastAt: last.at };
  });
}
