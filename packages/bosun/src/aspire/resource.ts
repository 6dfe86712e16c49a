import { ResourceBuilder, type Resource } from "@bosun/hosting";
import type { AspireApp } from "./aspire-app.js";
import { chained, type Chained } from "./chained.js";
import { AspireEndpoint } from "./endpoint.js";
import { property, type AspireProperty } from "./properties.js";
import { toNativeValue } from "./reference-expression.js";
import { refuse } from "./refusals.js";

/** bosun's builder of the resource a wrapper stands for (typed loosely: each method checks its resource's capabilities). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NativeBuilder = ResourceBuilder<any>;

/** Something a method takes where Aspire takes a resource: a wrapper (awaited or not), or bosun's own builder. */
export type ResourceArgument = AspireResource | PromiseLike<AspireResource> | ResourceBuilder<Resource>;

export interface HttpEndpointOptions {
  port?: number;
  targetPort?: number;
  name?: string;
  env?: string;
  isProxied?: boolean;
}

export interface EndpointOptions extends HttpEndpointOptions {
  scheme?: string;
  isExternal?: boolean;
  protocol?: string;
}

/** bosun's builder behind a wrapper or a builder argument. */
export function nativeOf(value: ResourceArgument, call: string): NativeBuilder {
  // Promised arguments are settled before the call runs (chained.ts), so only resolved ones reach here.
  if (value instanceof ResourceBuilder) return value;
  if (typeof value === "object" && value !== null && "native" in value) return value.native;
  throw new TypeError(`${call} takes a resource from this builder (awaited or not), got ${value === null ? "null" : typeof value}`);
}

/**
 * A resource as Aspire's TypeScript AppHost sees it: every method returns an awaitable that can
 * be chained before it is awaited, and takes resources awaited or not. Built on bosun's builder,
 * whose checks run at each call.
 */
export class AspireResource {
  readonly aspireKind: string = "resource";
  readonly name: AspireProperty<string>;

  constructor(
    readonly app: AspireApp,
    public native: NativeBuilder,
  ) {
    this.name = property(() => this.native.name);
  }

  protected done(): Chained<this> {
    return chained(this);
  }

  /** @example api.withEnvironment("CUSTOM_ENV", "value") */
  withEnvironment(name: string, value: unknown): Chained<this> {
    this.native.withEnvironment(name, toNativeValue(value));
    return this.done();
  }

  /** Aspire's name for withEnvironment with a parameter. */
  withEnvironmentParameter(name: string, parameter: AspireResource): Chained<this> {
    this.native.withEnvironment(name, parameter.native.resource);
    return this.done();
  }

  /** Aspire's name for withEnvironment with an expression. */
  withEnvironmentExpression(name: string, value: unknown): Chained<this> {
    return this.withEnvironment(name, value);
  }

  /** A resource's connection string in a variable of your choosing. */
  withEnvironmentConnectionString(name: string, source: ResourceArgument): Chained<this> {
    this.native.withEnvironment(name, nativeOf(source, "withEnvironmentConnectionString").resource);
    return this.done();
  }

  /** The URL of an endpoint in a variable. */
  withEnvironmentEndpoint(name: string, endpoint: AspireEndpoint): Chained<this> {
    return this.withEnvironment(name, endpoint);
  }

  /**
   * Runs the callback once when the app is built, before anything starts; what it sets with
   * `ctx.environmentVariables.set(name, value)` is rendered for where the resource runs.
   * @example web.withEnvironmentCallback(async (ctx) => { await ctx.environmentVariables.set("API", refExpr`${ep}`); })
   */
  withEnvironmentCallback(callback: (context: never) => unknown): Chained<this> {
    if (typeof callback !== "function") throw new TypeError(`resource '${this.native.name}': withEnvironmentCallback takes a function`);
    this.app.environmentCallbacks.push({ resource: this, callback: callback as (context: unknown) => unknown });
    return this.done();
  }

  /** As withEnvironmentCallback. */
  withEnvironmentCallbackAsync(callback: (context: never) => unknown): Chained<this> {
    return this.withEnvironmentCallback(callback);
  }

  /** @example container.withArgs(["--verbose"]) */
  withArgs(args: string[] | string, ...more: string[]): Chained<this> {
    const list = Array.isArray(args) ? args : [args, ...more];
    this.native.withArgs(...list.map(toNativeValue));
    return this.done();
  }

  /**
   * Declares an HTTP endpoint: `{ port, targetPort, name, env }`, or the same positionally.
   * @example api.withHttpEndpoint({ env: "PORT" })
   */
  withHttpEndpoint(options?: HttpEndpointOptions | number, targetPort?: number, name?: string, env?: string, isProxied?: boolean): Chained<this> {
    const given = typeof options === "object" && options !== null ? options : { port: options, targetPort, name, env, isProxied };
    this.native.withHttpEndpoint(endpointOptions(given));
    return this.done();
  }

  /** @example container.withEndpoint({ name: "smtp", targetPort: 1025 }) */
  withEndpoint(options: EndpointOptions = {}): Chained<this> {
    if (options.protocol !== undefined && options.protocol !== "Tcp") refuse(`withEndpoint({ protocol: ${options.protocol} })`, "bosun's endpoints are TCP", "leave protocol out");
    this.native.withEndpoint({ ...endpointOptions(options), scheme: options.scheme });
    if (options.isExternal) this.native.withExternalHttpEndpoints();
    return this.done();
  }

  /** @example frontend.withExternalHttpEndpoints() */
  withExternalHttpEndpoints(): Chained<this> {
    this.native.withExternalHttpEndpoints();
    return this.done();
  }

  /** @example api.withHttpHealthCheck({ path: "/health" }) */
  withHttpHealthCheck(options: { path?: string; statusCode?: number; endpointName?: string } | string = {}): Chained<this> {
    const given = typeof options === "string" ? { path: options } : options;
    const extra = Object.fromEntries(Object.entries({ statusCode: given.statusCode, endpointName: given.endpointName }).filter(([, v]) => v !== undefined));
    this.native.withHttpHealthCheck(given.path ?? "/", extra);
    return this.done();
  }

  /**
   * Injects a connection string (`ConnectionStrings__db`, `DB_URI`, …) or a service's URLs
   * (`services__api__http__0`, `API_HTTP`).
   * @example api.withReference(db)
   */
  withReference(source: ResourceArgument | AspireEndpoint | PromiseLike<AspireEndpoint>, options: { connectionName?: string; optional?: boolean } = {}): Chained<this> {
    if (options.connectionName !== undefined) refuse("withReference(…, { connectionName })", "bosun names the variables after the resource", "name the resource as the variables should be named");
    if (options.optional) refuse("withReference(…, { optional: true })", "bosun injects every reference", "leave optional out");
    if (source instanceof AspireEndpoint) return this.withEnvironment(`services__${source.reference.resource.name}__${source.reference.endpointName}__0`, source);
    this.native.withReference(nativeOf(source as ResourceArgument, "withReference"));
    return this.done();
  }

  /** Aspire's service reference: the service's endpoint URLs, as withReference does. */
  withServiceReference(source: ResourceArgument): Chained<this> {
    this.native.withReference(nativeOf(source, "withServiceReference"));
    return this.done();
  }

  /** @example api.waitFor(db) */
  waitFor(dependency: ResourceArgument): Chained<this> {
    this.native.waitFor(nativeOf(dependency, "waitFor"));
    return this.done();
  }

  /** @example api.waitForStart(worker) */
  waitForStart(dependency: ResourceArgument): Chained<this> {
    this.native.waitForStart(nativeOf(dependency, "waitForStart"));
    return this.done();
  }

  /** @example api.waitForCompletion(migrations, { exitCode: 0 }) */
  waitForCompletion(dependency: ResourceArgument, options: { exitCode?: number } = {}): Chained<this> {
    this.native.waitForCompletion(nativeOf(dependency, "waitForCompletion"), options.exitCode ?? 0);
    return this.done();
  }

  /** @example const ep = await api.getEndpoint("http") */
  getEndpoint(name: string): Chained<AspireEndpoint> {
    return chained(new AspireEndpoint(this.native.getEndpoint(name)));
  }
}

function endpointOptions(options: HttpEndpointOptions): { port?: number; targetPort?: number; name?: string; env?: string } {
  const { port, targetPort, name, env } = options;
  return Object.fromEntries(Object.entries({ port, targetPort, name, env }).filter(([, value]) => value !== undefined));
}
