import path from "node:path";
import type { AppHostInfo } from "./app-host-info.js";
import type { EnvironmentContext } from "./environment-context.js";
import type { EndpointAnnotation, EnvironmentValue, Lifetime } from "./annotations.js";
import { ContainerResource, splitImageTag } from "./container-resource.js";
import { EndpointReference } from "./endpoint-reference.js";
import { toExpressionValue, type ValueLike, type ValueResourceHandle } from "./expression.js";
import type { ProbeContext } from "./health-check.js";
import type {
  Resource,
  ResourceWithArgs,
  ResourceWithConnectionString,
  ResourceWithDataPath,
  ResourceWithEndpoints,
  ResourceWithEnvironment,
  ResourceWithWaitSupport,
} from "./resource.js";

/** Anything `withReference` accepts: a resource with a connection string or with endpoints. */
export type ReferenceSource =
  | ResourceBuilder<ResourceWithConnectionString>
  | ResourceBuilder<ResourceWithEndpoints>
  | ResourceWithConnectionString
  | ResourceWithEndpoints;

/** Anything that names a resource: the resource or its builder. */
export type ResourceLike<R extends Resource = Resource> = R | ResourceBuilder<R>;

export interface HttpEndpointOptions {
  /** Host port (containers) or listening port (processes); allocated when not given. */
  readonly port?: number;
  /** Port the server listens on inside its container. */
  readonly targetPort?: number;
  readonly name?: string;
  /** Environment variable that receives the listening port, e.g. `PORT`. */
  readonly env?: string;
}

export interface EndpointOptions extends HttpEndpointOptions {
  readonly scheme?: string;
  /** Publish on this host interface instead of 127.0.0.1 (e.g. `0.0.0.0`). */
  readonly hostIp?: string;
}

export function toResource<R extends Resource>(value: ResourceLike<R>): R {
  return value instanceof ResourceBuilder ? value.resource : value;
}

/**
 * Configures one resource. Methods only add annotations; each is available only on resources
 * with the matching capability (a parameter has no environment, an executable no image).
 */
export class ResourceBuilder<R extends Resource> {
  constructor(
    readonly resource: R,
    /** The AppHost this resource belongs to; relative paths resolve against its folder. */
    readonly appHost: AppHostInfo,
  ) {}

  get name(): string {
    return this.resource.name;
  }

  /**
   * Runs a different image.
   * @example builder.addContainer("cache", "redis").withImage("valkey/valkey", "8")
   */
  withImage<B extends ResourceBuilder<ContainerResource>>(this: B, image: string, tag?: string): B {
    const parsed = splitImageTag(image);
    this.resource.addAnnotation({ type: "container-image", registry: undefined, image: parsed.image, tag: tag ?? parsed.tag ?? "latest" });
    return this;
  }

  /**
   * Keeps the image, changes its tag.
   * @example builder.addPostgres("pg").withImageTag("15-alpine")
   */
  withImageTag<B extends ResourceBuilder<ContainerResource>>(this: B, tag: string): B {
    imageAnnotation(this.resource).tag = tag;
    return this;
  }

  /**
   * Pulls the image from another registry.
   * @example builder.addRedis("cache").withImageRegistry("mirror.example.com")
   */
  withImageRegistry<B extends ResourceBuilder<ContainerResource>>(this: B, registry: string): B {
    imageAnnotation(this.resource).registry = registry;
    return this;
  }

  /**
   * Names the container instead of `<resource>-<session>`.
   * @example postgres.withContainerName("ecommerce-postgres")
   */
  withContainerName<B extends ResourceBuilder<ContainerResource>>(this: B, name: string): B {
    this.resource.addAnnotation({ type: "container-name", name });
    return this;
  }

  /**
   * Sets an environment variable, or runs a callback that sets several.
   * @example api.withEnvironment("LOG_LEVEL", "debug")
   */
  withEnvironment<B extends ResourceBuilder<ResourceWithEnvironment>>(this: B, name: string, value: EnvironmentValue | ValueResourceHandle): B;
  withEnvironment<B extends ResourceBuilder<ResourceWithEnvironment>>(this: B, callback: (context: EnvironmentContext) => void): B;
  withEnvironment<B extends ResourceBuilder<ResourceWithEnvironment>>(
    this: B,
    nameOrCallback: string | ((context: EnvironmentContext) => void),
    value?: EnvironmentValue | ValueResourceHandle,
  ): B {
    if (typeof nameOrCallback === "function") {
      this.resource.addAnnotation({ type: "environment-callback", callback: nameOrCallback });
    } else {
      const resolved = typeof value === "boolean" || value === undefined ? (value ?? "") : toExpressionValue(value);
      this.resource.addAnnotation({ type: "environment", name: nameOrCallback, value: resolved });
    }
    return this;
  }

  /**
   * Appends command-line arguments.
   * @example builder.addContainer("redis", "redis").withArgs("--appendonly", "yes")
   */
  withArgs<B extends ResourceBuilder<ResourceWithArgs>>(this: B, ...args: ValueLike[]): B {
    this.resource.addAnnotation({ type: "args", args: args.map(toExpressionValue) });
    return this;
  }

  /**
   * Declares a network endpoint.
   * @example builder.addContainer("mail", "mailpit").withEndpoint({ name: "smtp", targetPort: 1025 })
   */
  withEndpoint<B extends ResourceBuilder<ResourceWithEndpoints>>(this: B, options: EndpointOptions = {}): B {
    const scheme = options.scheme ?? "tcp";
    const annotation: EndpointAnnotation = {
      type: "endpoint",
      name: options.name ?? scheme,
      scheme,
      port: options.port,
      targetPort: options.targetPort,
      env: options.env,
      hostIp: options.hostIp,
    };
    this.resource.addAnnotation(annotation);
    return this;
  }

  /**
   * Declares an HTTP endpoint; `env: "PORT"` tells the app which port to listen on.
   * @example builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ env: "PORT" })
   */
  withHttpEndpoint<B extends ResourceBuilder<ResourceWithEndpoints>>(this: B, options: HttpEndpointOptions = {}): B {
    return this.withEndpoint({ ...options, scheme: "http", name: options.name ?? "http" });
  }

  /**
   * Fixes the host port of the resource's first endpoint.
   * @example builder.addRedis("cache").withHostPort(6381)
   */
  withHostPort<B extends ResourceBuilder<ResourceWithEndpoints>>(this: B, port: number): B {
    const endpoint = this.resource.annotationsOf("endpoint")[0];
    if (!endpoint) {
      throw new TypeError(`resource '${this.name}' has no endpoint to set a host port on; add one with .withEndpoint({ port })`);
    }
    endpoint.port = port;
    return this;
  }

  /**
   * Marks the resource's HTTP endpoints as reachable from outside: published targets give them a host port.
   * @example builder.addNodeApp("gateway", "../gateway", "src/index.ts").withHttpEndpoint({ env: "PORT" }).withExternalHttpEndpoints()
   */
  withExternalHttpEndpoints<B extends ResourceBuilder<ResourceWithEndpoints>>(this: B): B {
    for (const endpoint of this.resource.annotationsOf("endpoint")) {
      if (endpoint.scheme === "http" || endpoint.scheme === "https") endpoint.external = true;
    }
    return this;
  }

  /** A reference to one of this resource's endpoints, for use in expressions. */
  getEndpoint<B extends ResourceBuilder<ResourceWithEndpoints>>(this: B, name: string): EndpointReference {
    return new EndpointReference(this.resource, name);
  }

  /**
   * Mounts a named volume (kept across runs) or an anonymous one (no name).
   * @example builder.addContainer("db", "postgres").withVolume("pgdata", "/var/lib/postgresql/data")
   */
  withVolume<B extends ResourceBuilder<ContainerResource>>(this: B, name: string | undefined, target: string, options: { readOnly?: boolean } = {}): B {
    this.resource.addAnnotation({ type: "mount", kind: "volume", source: name, target, readOnly: options.readOnly ?? false });
    return this;
  }

  /**
   * Mounts a host folder or file; relative paths resolve against the AppHost's folder.
   * @example postgres.withBindMount("./init", "/docker-entrypoint-initdb.d", { readOnly: true })
   */
  withBindMount<B extends ResourceBuilder<ContainerResource>>(this: B, source: string, target: string, options: { readOnly?: boolean } = {}): B {
    const absolute = path.resolve(this.appHost.directory, source);
    this.resource.addAnnotation({ type: "mount", kind: "bind", source: absolute, target, readOnly: options.readOnly ?? false });
    return this;
  }

  /**
   * Keeps the resource's data in a named volume that survives runs (default `<app>-<id>-<resource>-data`).
   * @example builder.addPostgres("postgres").withDataVolume()
   */
  withDataVolume<B extends ResourceBuilder<ContainerResource & ResourceWithDataPath>>(this: B, name?: string): B {
    return this.withVolume(name ?? defaultVolumeName(this.appHost, this.name), this.resource.dataPath);
  }

  /**
   * Injects the source's connection string (`ConnectionStrings__name`, `NAME_HOST`, …) or its
   * endpoint URLs (`services__name__http__0`, `NAME_HTTP`).
   * @example api.withReference(db)
   */
  withReference<B extends ResourceBuilder<ResourceWithEnvironment>>(this: B, source: ReferenceSource): B {
    this.resource.addAnnotation({ type: "reference", target: toResource<Resource>(source) });
    return this;
  }

  /**
   * Starts this resource only once `dependency` is running and healthy.
   * @example api.waitFor(db)
   */
  waitFor<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, dependency: ResourceLike): B {
    this.resource.addAnnotation({ type: "wait", target: toResource(dependency), kind: "healthy", exitCode: 0 });
    return this;
  }

  /**
   * Starts this resource once `dependency` is running, healthy or not.
   * @example api.waitForStart(worker)
   */
  waitForStart<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, dependency: ResourceLike): B {
    this.resource.addAnnotation({ type: "wait", target: toResource(dependency), kind: "started", exitCode: 0 });
    return this;
  }

  /**
   * Starts this resource once `dependency` has exited with `exitCode` (a migration job, say).
   * @example api.waitForCompletion(migrations)
   */
  waitForCompletion<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, dependency: ResourceLike, exitCode = 0): B {
    this.resource.addAnnotation({ type: "wait", target: toResource(dependency), kind: "completed", exitCode });
    return this;
  }

  /**
   * Adds a health check the orchestrator runs from the host; it throws while unhealthy.
   * @example api.withHealthCheck("queue", async ({ signal }) => { await ping(signal); })
   */
  withHealthCheck<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, name: string, probe: (context: ProbeContext) => Promise<void>): B {
    this.resource.addAnnotation({ type: "health-check", check: { kind: "probe", name, probe } });
    return this;
  }

  /**
   * Healthy when `GET path` on the endpoint answers `statusCode` (200).
   * @example api.withHttpHealthCheck("/health")
   */
  withHttpHealthCheck<B extends ResourceBuilder<ResourceWithWaitSupport & ResourceWithEndpoints>>(
    this: B,
    path = "/",
    options: { statusCode?: number; endpointName?: string } = {},
  ): B {
    const endpointName = options.endpointName ?? "http";
    const check = { kind: "http", name: `${endpointName}${path}`, endpointName, path, statusCode: options.statusCode ?? 200 } as const;
    this.resource.addAnnotation({ type: "health-check", check });
    return this;
  }

  /**
   * `persistent` keeps the container across runs and reuses it while its configuration is unchanged.
   * @example postgres.withLifetime("persistent")
   */
  withLifetime<B extends ResourceBuilder<ContainerResource>>(this: B, lifetime: Lifetime): B {
    this.resource.addAnnotation({ type: "lifetime", lifetime });
    return this;
  }

  /**
   * How long the resource may take to become healthy before it is failed.
   * @example rabbit.withStartupTimeout(120_000)
   */
  withStartupTimeout<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, milliseconds: number): B {
    this.resource.addAnnotation({ type: "startup-timeout", milliseconds });
    return this;
  }
}

function imageAnnotation(resource: ContainerResource) {
  const image = resource.lastAnnotationOf("container-image");
  if (!image) throw new TypeError(`resource '${resource.name}' has no image; call .withImage(image) first`);
  return image;
}

/** `<app>-<id>-<resource>-data`: readable, and distinct for two AppHosts of the same name. */
export function defaultVolumeName(appHost: AppHostInfo, resourceName: string): string {
  return `${appHost.name}-${appHost.id}-${resourceName}-data`;
}
