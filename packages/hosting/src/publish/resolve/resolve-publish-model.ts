import type { AppHostInfo } from "../../model/app-host-info.js";
import { ContainerResource } from "../../model/container-resource.js";
import type { ExecutableResource } from "../../model/executable-resource.js";
import { ParameterResource } from "../../model/parameter-resource.js";
import { ConnectionStringResource } from "../../model/connection-string-resource.js";
import type { Resource } from "../../model/resource.js";
import { planServiceImage, serviceBuildFiles, type ServiceImageRequest } from "../images/index.js";
import type { PublishEnvironmentEntry, PublishHealthCheck, PublishModel, PublishService, PublishWarning } from "../publish-model.js";
import { planContainerPorts } from "./container-ports.js";
import { publishDependencies } from "./dependencies.js";
import { publishHealthChecks } from "./health-checks.js";
import { describeParameters } from "./parameters.js";
import { createValueRendering } from "./publish-values.js";
import { assignExternalHostPorts, appSourceOf, containerImage, extraAppArgs, publishCommand, publishEnvironment, publishMounts, publishPorts, serviceKindOf } from "./publish-service.js";
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
  const ports = planContainerPorts(resources);
  const values = createValueRendering(ports);
  const published = resources.filter((r) => !r.parent && serviceKindOf(r) !== undefined);
  const serviceSet = new Set<Resource>(published);
  const serviceOf = (resource: Resource): Resource | undefined => {
    for (let current: Resource | undefined = resource; current; current = current.parent) if (serviceSet.has(current)) return current;
    return undefined;
  };
  const membersByService = new Map<Resource, Resource[]>(published.map((service) => [service, []]));
  for (const resource of resources) {
    const service = serviceOf(resource);
    if (service) membersByService.get(service)!.push(resource);
  }
  const membersOf = (service: Resource): Resource[] => membersByService.get(service)!;
  const checks = new Map(published.map((service) => [service, publishHealthChecks(membersOf(service), { kind: serviceKindOf(service)!, ports, values, warn })]));
  const completionTargets = new Set(resources.flatMap((r) => r.annotationsOf("wait").filter((w) => w.kind === "completed").map((w) => serviceOf(w.target))));
  const dependencyContext = { serviceOf, hasChecks: (s: Resource) => (checks.get(s)?.length ?? 0) > 0, ports, values, warn };

  const files = new Map<string, string>();
  const services = assignExternalHostPorts(published.map(publishService), warn);
  function publishService(resource: Resource): PublishService {
    const kind = serviceKindOf(resource)!;
    const members = membersOf(resource);
    const base = {
      name: resource.name,
      kind,
      command: publishCommand(resource, kind, values),
      ports: publishPorts(resource, ports),
      environment: withCheckEnvironment(publishEnvironment(resource, members.filter((m) => m !== resource), values, warn), checks.get(resource)!),
      volumes: publishMounts(resource, appHost),
      dependencies: publishDependencies(resource, dependencyContext),
      healthChecks: checks.get(resource)!,
      restart: completionTargets.has(resource) ? ("on-failure" as const) : ("always" as const),
      replicas: 1,
      stateful: resource.annotationsOf("mount").some((m) => m.kind === "volume" && m.source !== undefined),
      fileVariables: members.flatMap((m) => m.annotationsOf("publish-hints").flatMap((h) => h.fileVariables ?? [])).sort(),
    };
    const containerName = resource.lastAnnotationOf("container-name")?.name;
    if (resource instanceof ContainerResource) {
      return { ...base, image: containerImage(resource, options.substituteImage ?? ((r) => r)), ...(containerName ? { containerName } : {}) };
    }
    const app = resource as ExecutableResource;
    if (extraAppArgs(app) > 0) warn({ code: "APP_ARGS_NOT_PUBLISHED", resource: app.name, message: `the extra arguments of '${app.name}' are not passed to its published image; read them from the environment instead` });
    const source = appSourceOf(app);
    const request: ServiceImageRequest = {
      appName: appHost.name,
      service: app.name,
      kind: kind as "node-app" | "npm-app",
      source,
      containerPorts: base.ports.map((p) => p.containerPort),
      outputDirectory: options.outputDirectory,
      appHostDirectory: appHost.directory,
      ...(options.baseImage ? { baseImage: options.baseImage } : {}),
      ...(options.substituteImage ? { substituteImage: options.substituteImage } : {}),
    };
    const plan = planServiceImage(request);
    for (const file of serviceBuildFiles(request)) files.set(file.path, file.content);
    return { ...base, image: plan.image, build: plan.build, source };
  }

  for (const resource of resources) warnUnpublished(resource, serviceOf, warn);
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
