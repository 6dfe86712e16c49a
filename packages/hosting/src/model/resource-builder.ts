import type { EndpointAnnotation, EnvironmentValue } from "./annotations.js";
import { checkCall, checkOptions, callError } from "./argument-checks.js";
import { ARGS, ENDPOINTS, ENVIRONMENT, WAITS } from "./builder-capabilities.js";
import { recordCallSite } from "./call-site.js";
import { ContainerMethods } from "./container-methods.js";
import type { EnvironmentContext } from "./environment-context.js";
import { EndpointReference } from "./endpoint-reference.js";
import { toExpressionValue, type ValueLike, type ValueResourceHandle } from "./expression.js";
import type { ProbeContext } from "./health-check.js";
import type { KubernetesResourceOptions } from "./kubernetes-settings.js";
import type {
  Resource,
  ResourceWithArgs,
  ResourceWithConnectionString,
  ResourceWithEndpoints,
  ResourceWithEnvironment,
  ResourceWithWaitSupport,
} from "./resource.js";

export { defaultVolumeName } from "./container-methods.js";

const KUBERNETES_SETTINGS = { requests: "object?", limits: "object?", storageSize: "string?", storageClass: "string?", ingressHost: "string?" } as const;
const QUANTITIES = { cpu: "string?", memory: "string?" } as const;

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


const HTTP_ENDPOINT_OPTIONS = { port: "number?", targetPort: "number?", name: "string?", env: "string?" } as const;
const ENDPOINT_OPTIONS = { ...HTTP_ENDPOINT_OPTIONS, scheme: "string?", hostIp: "string?" } as const;
const HTTP_HEALTH_OPTIONS = { statusCode: "number?", endpointName: "string?" } as const;

/**
 * Configures one resource. Methods only add annotations; each is available only on resources
 * with the matching capability (a parameter has no environment, an executable no image). Each
 * checks its arguments' types as it is called; `build()` checks their values and the graph.
 */
export class ResourceBuilder<R extends Resource> extends ContainerMethods<R> {
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
    const context = this.checked("withEnvironment", '.withEnvironment("LOG_LEVEL", "debug")', ENVIRONMENT);
    if (typeof nameOrCallback === "function") {
      this.resource.addAnnotation({ type: "environment-callback", callback: nameOrCallback });
      return this;
    }
    checkCall(context, { "the variable name (or a callback)": [nameOrCallback, "string"], [`the value of ${nameOrCallback}`]: [value, "value"] });
    const resolved = typeof value === "boolean" ? value : toExpressionValue(value as ValueLike);
    this.resource.addAnnotation({ type: "environment", name: nameOrCallback, value: resolved });
    return this;
  }

  /**
   * Appends command-line arguments.
   * @example builder.addContainer("redis", "redis").withArgs("--appendonly", "yes")
   */
  withArgs<B extends ResourceBuilder<ResourceWithArgs>>(this: B, ...args: ValueLike[]): B {
    const context = this.checked("withArgs", '.withArgs("--appendonly", "yes")', ARGS);
    checkCall(context, Object.fromEntries(args.map((arg, i) => [`argument ${i + 1}`, [arg, "value"] as const])));
    this.resource.addAnnotation({ type: "args", args: args.map(toExpressionValue) });
    return this;
  }

  /**
   * Declares a network endpoint.
   * @example builder.addContainer("mail", "mailpit").withEndpoint({ name: "smtp", targetPort: 1025 })
   */
  withEndpoint<B extends ResourceBuilder<ResourceWithEndpoints>>(this: B, options: EndpointOptions = {}): B {
    checkOptions(this.checked("withEndpoint", '.withEndpoint({ name: "smtp", targetPort: 1025 })', ENDPOINTS), options, ENDPOINT_OPTIONS);
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
    checkOptions(this.checked("withHttpEndpoint", '.withHttpEndpoint({ env: "PORT" })', ENDPOINTS), options, HTTP_ENDPOINT_OPTIONS);
    return this.withEndpoint({ ...options, scheme: "http", name: options.name ?? "http" });
  }

  /**
   * Fixes the host port of the resource's first endpoint.
   * @example builder.addRedis("cache").withHostPort(6381)
   */
  withHostPort<B extends ResourceBuilder<ResourceWithEndpoints>>(this: B, port: number): B {
    const context = this.checked("withHostPort", ".withHostPort(6381)", ENDPOINTS);
    checkCall(context, { "the port": [port, "number"] });
    const endpoint = this.resource.annotationsOf("endpoint")[0];
    if (!endpoint) throw callError({ ...context, example: ".withEndpoint({ targetPort: 80, port })" }, `needs an endpoint to set the host port of, and '${this.name}' has none; declare one first`);
    endpoint.port = port;
    recordCallSite(endpoint);
    return this;
  }

  /**
   * Marks the resource's HTTP endpoints as reachable from outside: published targets give them a host port.
   * @example builder.addNodeApp("gateway", "../gateway", "src/index.ts").withHttpEndpoint({ env: "PORT" }).withExternalHttpEndpoints()
   */
  withExternalHttpEndpoints<B extends ResourceBuilder<ResourceWithEndpoints>>(this: B): B {
    this.checked("withExternalHttpEndpoints", ".withHttpEndpoint({ env: \"PORT\" }).withExternalHttpEndpoints()", ENDPOINTS);
    for (const endpoint of this.resource.annotationsOf("endpoint")) {
      if (endpoint.scheme === "http" || endpoint.scheme === "https") endpoint.external = true;
    }
    return this;
  }

  /**
   * Settings for a Kubernetes cluster (`publish --target kubernetes`): requests, limits, the size and
   * class of its data volumes' claims, its Ingress host. `run` and the other targets ignore them;
   * publish options for the same resource override them field by field.
   * @example builder.addPostgres("postgres").withDataVolume().withKubernetes({ storageSize: "20Gi", limits: { memory: "2Gi" } })
   */
  withKubernetes<B extends ResourceBuilder<ResourceWithEnvironment>>(this: B, settings: KubernetesResourceOptions): B {
    const context = this.checked("withKubernetes", '.withKubernetes({ requests: { cpu: "500m" }, storageSize: "20Gi" })', ENVIRONMENT);
    checkCall(context, { "the settings": [settings, "object"] });
    checkOptions(context, settings, KUBERNETES_SETTINGS);
    checkOptions(context, settings.requests, QUANTITIES);
    checkOptions(context, settings.limits, QUANTITIES);
    this.resource.addAnnotation({ type: "publish-hints", kubernetes: settings });
    return this;
  }

  /**
   * A reference to one of this resource's endpoints, for use in expressions.
   * @example const url = api.getEndpoint("http"); web.withEnvironment("API_URL", url)
   */
  getEndpoint<B extends ResourceBuilder<ResourceWithEndpoints>>(this: B, name: string): EndpointReference {
    checkCall(this.checked("getEndpoint", '.getEndpoint("http")', ENDPOINTS), { "the endpoint name": [name, "string"] });
    return new EndpointReference(this.resource, name);
  }

  /**
   * Injects the source's connection string (`ConnectionStrings__name`, `NAME_HOST`, …) or its
   * endpoint URLs (`services__name__http__0`, `NAME_HTTP`).
   * @example api.withReference(db)
   */
  withReference<B extends ResourceBuilder<ResourceWithEnvironment>>(this: B, source: ReferenceSource): B {
    checkCall(this.checked("withReference", ".withReference(db)", ENVIRONMENT), { "the source": [source, "resource"] });
    this.resource.addAnnotation({ type: "reference", target: toResource<Resource>(source) });
    return this;
  }

  /**
   * Starts this resource only once `dependency` is running and healthy.
   * @example api.waitFor(db)
   */
  waitFor<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, dependency: ResourceLike): B {
    checkCall(this.checked("waitFor", ".waitFor(db)", WAITS), { "the dependency": [dependency, "resource"] });
    this.resource.addAnnotation({ type: "wait", target: toResource(dependency), kind: "healthy", exitCode: 0 });
    return this;
  }

  /**
   * Starts this resource once `dependency` is running, healthy or not.
   * @example api.waitForStart(worker)
   */
  waitForStart<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, dependency: ResourceLike): B {
    checkCall(this.checked("waitForStart", ".waitForStart(worker)", WAITS), { "the dependency": [dependency, "resource"] });
    this.resource.addAnnotation({ type: "wait", target: toResource(dependency), kind: "started", exitCode: 0 });
    return this;
  }

  /**
   * Starts this resource once `dependency` has exited with `exitCode` (a migration job, say).
   * @example api.waitForCompletion(migrations)
   */
  waitForCompletion<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, dependency: ResourceLike, exitCode = 0): B {
    const context = this.checked("waitForCompletion", ".waitForCompletion(migrations, 0)", WAITS);
    checkCall(context, { "the dependency": [dependency, "resource"], "the exit code": [exitCode, "number"] });
    this.resource.addAnnotation({ type: "wait", target: toResource(dependency), kind: "completed", exitCode });
    return this;
  }

  /**
   * Adds a health check the orchestrator runs from the host; it throws while unhealthy.
   * @example api.withHealthCheck("queue", async ({ signal }) => { await ping(signal); })
   */
  withHealthCheck<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, name: string, probe: (context: ProbeContext) => Promise<void>): B {
    const context = this.checked("withHealthCheck", '.withHealthCheck("queue", async ({ signal }) => { … })', WAITS);
    checkCall(context, { "the check's name": [name, "string"], "the probe": [probe, "function"] });
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
    const context = this.checked("withHttpHealthCheck", '.withHttpHealthCheck("/health", { statusCode: 200 })', WAITS);
    checkCall(context, { "the path": [path, "string"] });
    checkOptions(context, options, HTTP_HEALTH_OPTIONS);
    const endpointName = options.endpointName ?? "http";
    const check = { kind: "http", name: `${endpointName}${path}`, endpointName, path, statusCode: options.statusCode ?? 200 } as const;
    this.resource.addAnnotation({ type: "health-check", check });
    return this;
  }

  /**
   * How long the resource may take to become healthy before it is failed.
   * @example rabbit.withStartupTimeout(120_000)
   */
  withStartupTimeout<B extends ResourceBuilder<ResourceWithWaitSupport>>(this: B, milliseconds: number): B {
    checkCall(this.checked("withStartupTimeout", ".withStartupTimeout(120_000)", WAITS), { "the timeout in milliseconds": [milliseconds, "number"] });
    this.resource.addAnnotation({ type: "startup-timeout", milliseconds });
    return this;
  }
}
