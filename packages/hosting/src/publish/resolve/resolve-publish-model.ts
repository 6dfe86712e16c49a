import type { AppHostInfo } from "../../model/app-host-info.js";
import type { ContainerResource } from "../../model/container-resource.js";
import type { ExecutableResource } from "../../model/executable-resource.js";
import { ParameterResource } from "../../model/parameter-resource.js";
import { ConnectionStringResource } from "../../model/connection-string-resource.js";
import type { Resource } from "../../model/resource.js";
import type { PublishEnvironmentEntry, PublishHealthCheck, PublishModel, PublishService, PublishWarning } from "../publish-model.js";
import { planContainerPorts } from "./container-ports.js";
import { publishDependencies } from "./dependencies.js";
import { publishHealthChecks } from "./health-checks.js";
import { describeParameters } from "./parameters.js";
import { createValueRendering } from "./publish-values.js";
import { planAppImage } from "./app-image.js";
import { assignExternalHostPorts, containerImage, publishCommand, publishEnvironment, publishMounts, publishPorts, serviceKindOf } from "./publish-service.js";
import { serviceGraph } from "./service-graph.js";
import { publishVolumes } from "./volumes.js";

/** The publish model, and the files the images step asked to write (path relative to the output folder → content). */
export interface ResolvedPublish {
  readonly model: PublishModel;
  readonly files: ReadonlyMap<string, string>;
}

export interface ResolveOptions {
  readonly resources: readonly Resource[];
  readonly appHost: AppHostInfo;
  /** Absolute path of the output folder (build paths are written relative to it). */
  readonly outputDirectory: string;
  /** The base image of the app's own services (default: the images step's official node image). */
  readonly baseImage?: string;
  /** Rewrites a container's image reference (the image map); identity when not given. */
  readonly substituteImage?: (reference: string) => string;
}

/**
 * Resolves the model for publishing, once for every target: services with their images, ports,
 * environment rendered for the app network (host = service name, container ports, parameters as
 * placeholders), waits, health checks, volumes and parameters. No engine is contacted.
 */
export function resolvePublishModel(options: ResolveOptions): ResolvedPublish {
  const { resources, appHost } = options;
  const warnings: PublishWarning[] = [];
  const warn = (warning: PublishWarning): void => void warnings.push(warning);
  const graph = serviceGraph(resources);
  const ports = planContainerPorts(resources);
  const values = createValueRendering(ports);
  const checks = new Map(graph.services.map((s) => [s, publishHealthChecks(graph.membersOf(s), { kind: serviceKindOf(s)!, ports, values, warn })]));
  const completionTargets = new Set(resources.flatMap((r) => r.annotationsOf("wait").filter((w) => w.kind === "completed").map((w) => graph.serviceOf(w.target))));
  const dependencyContext = { serviceOf: graph.serviceOf, hasChecks: (s: Resource) => (checks.get(s)?.length ?? 0) > 0, ports, values, warn };
  const files = new Map<string, string>();
  const imageContext = { ...options, files, warn };

  const publishService = (resource: Resource): PublishService => {
    const kind = serviceKindOf(resource)!;
    const children = graph.membersOf(resource).filter((m) => m !== resource);
    const base = {
      name: resource.name,
      kind,
      command: publishCommand(resource, kind, values),
      ports: publishPorts(resource, ports),
      environment: withCheckEnvironment(publishEnvironment(resource, children, values, warn), checks.get(resource)!),
      volumes: publishMounts(resource, appHost),
      dependencies: publishDependencies(resource, dependencyContext),
      healthChecks: checks.get(resource)!,
      restart: completionTargets.has(resource) ? ("on-failure" as const) : ("always" as const),
      replicas: 1,
      stateful: resource.annotationsOf("mount").some((m) => m.kind === "volume" && m.source !== undefined),
      fileVariables: graph.membersOf(resource).flatMap((m) => m.annotationsOf("publish-hints").flatMap((h) => h.fileVariables ?? [])).sort(),
    };
    if (kind === "container") {
      const containerName = resource.lastAnnotationOf("container-name")?.name;
      return { ...base, image: containerImage(resource as ContainerResource, options.substituteImage ?? ((r) => r)), ...(containerName ? { containerName } : {}) };
    }
    const containerPorts = base.ports.map((p) => p.containerPort);
    return { ...base, ...planAppImage(resource as ExecutableResource, kind, containerPorts, imageContext) };
  };

  const services = assignExternalHostPorts(graph.services.map(publishService), warn);
  for (const resource of resources) warnUnpublished(resource, graph.serviceOf, warn);
  const model = { appName: appHost.name, services, volumes: publishVolumes(services), parameters: describeParameters(services, values.parameters), warnings };
  return { model, files };
}

/** The variables the checks need, added where the service does not set them already; sorted. */
function withCheckEnvironment(environment: PublishEnvironmentEntry[], checks: readonly PublishHealthCheck[]): PublishEnvironmentEntry[] {
  const names = new Set(environment.map((e) => e.name));
  const extra = checks.flatMap((c) => c.environment).filter((e) => !names.has(e.name) && names.add(e.name));
  return [...environment, ...extra].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function warnUnpublished(resource: Resource, serviceOf: (r: Resource) => Resource | undefined, warn: (w: PublishWarning) => void): void {
  if (resource instanceof ParameterResource || resource instanceof ConnectionStringResource || serviceOf(resource)) return;
  warn({
    code: "RESOURCE_NOT_PUBLISHED",
    resource: resource.name,
    message: `'${resource.name}' (${resource.type}) runs on the developer's machine only and is not published; run it as a container (addContainer) or an app (addNodeApp, addNpmApp)`,
  });
}
