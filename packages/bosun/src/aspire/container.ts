import { expr, type EndpointReference, type ReferenceExpression } from "@bosun/hosting";
import type { Chained } from "./chained.js";
import { AspireEndpoint } from "./endpoint.js";
import { property, type AspireProperty } from "./properties.js";
import { AspireReferenceExpression } from "./reference-expression.js";
import { refuse } from "./refusals.js";
import { AspireResource } from "./resource.js";

/** Aspire's ContainerLifetime, mapped to bosun's lifetimes. */
export enum ContainerLifetime {
  Session = "Session",
  Persistent = "Persistent",
}

const LIFETIMES = { Session: "session", Persistent: "persistent" } as const;

/** A container: image, volumes, lifetime, host port. */
export class AspireContainer extends AspireResource {
  override readonly aspireKind: string = "container";

  /** @example builder.addRedis("cache").withLifetime(ContainerLifetime.Persistent) */
  withLifetime(lifetime: ContainerLifetime): Chained<this> {
    const mapped = LIFETIMES[lifetime];
    if (!mapped) throw new TypeError(`resource '${this.native.name}': withLifetime takes ContainerLifetime.Session or ContainerLifetime.Persistent, got ${String(lifetime)}`);
    this.native.withLifetime(mapped);
    return this.done();
  }

  /** @example postgres.withDataVolume({ name: "pg-data" }) */
  withDataVolume(options: { name?: string; isReadOnly?: boolean } = {}): Chained<this> {
    if (options.isReadOnly) refuse("withDataVolume({ isReadOnly: true })", "a server's data volume is written to", "leave isReadOnly out");
    this.dropDataMount();
    this.native.withDataVolume(options.name);
    return this.done();
  }

  /** A host folder as the server's data folder. */
  withDataBindMount(source: string, options: { isReadOnly?: boolean } = {}): Chained<this> {
    const dataPath = (this.native.resource as { dataPath?: string }).dataPath;
    if (dataPath === undefined) refuse("withDataBindMount()", `resource '${this.native.name}' has no data folder`, "use withBindMount(source, target)");
    if (options.isReadOnly) refuse("withDataBindMount(…, { isReadOnly: true })", "a server's data folder is written to", "leave isReadOnly out, or use withBindMount(source, target, { isReadOnly: true }) for other files");
    this.dropDataMount();
    this.native.withBindMount(source, dataPath, { readOnly: options.isReadOnly ?? false });
    return this.done();
  }

  /** A folder holds one mount: a later withDataVolume/withDataBindMount replaces the earlier one, as the last call wins. */
  private dropDataMount(): void {
    const { annotations, dataPath } = this.native.resource as { annotations: { type: string; target?: string }[]; dataPath?: string };
    const at = annotations.findIndex((annotation) => annotation.type === "mount" && annotation.target === dataPath);
    if (at !== -1) annotations.splice(at, 1);
  }

  /** @example container.withVolume("/data", { name: "data" }) */
  withVolume(target: string, options: { name?: string; isReadOnly?: boolean } = {}): Chained<this> {
    this.native.withVolume(options.name, target, { readOnly: options.isReadOnly ?? false });
    return this.done();
  }

  /** @example container.withBindMount("./conf", "/etc/conf", { isReadOnly: true }) */
  withBindMount(source: string, target: string, options: { isReadOnly?: boolean } = {}): Chained<this> {
    this.native.withBindMount(source, target, { readOnly: options.isReadOnly ?? false });
    return this.done();
  }

  /** @example container.withContainerName("my-cache") */
  withContainerName(name: string): Chained<this> {
    this.native.withContainerName(name);
    return this.done();
  }

  /** @example container.withImage("redis", { tag: "7" }) */
  withImage(image: string, options: { tag?: string } = {}): Chained<this> {
    this.native.withImage(image, options.tag);
    return this.done();
  }

  /** @example cache.withImageTag("7.4") */
  withImageTag(tag: string): Chained<this> {
    this.native.withImageTag(tag);
    return this.done();
  }

  /** @example cache.withImageRegistry("registry.example.com") */
  withImageRegistry(registry: string): Chained<this> {
    this.native.withImageRegistry(registry);
    return this.done();
  }

  /** @example cache.withHostPort({ port: 6379 }) */
  withHostPort(options: { port?: number } | number = {}): Chained<this> {
    const port = typeof options === "number" ? options : options.port;
    if (port === undefined) return this.done();
    this.native.withHostPort(port);
    return this.done();
  }
}

interface ServerResource {
  readonly primaryEndpoint: EndpointReference;
  readonly connectionStringExpression: ReferenceExpression;
  readonly userName?: unknown;
}

/** A server with a connection string: its endpoint and expressions as property-style getters. */
export class AspireServer extends AspireContainer {
  override readonly aspireKind: string = "server";
  readonly primaryEndpoint: AspireProperty<AspireEndpoint>;
  readonly host: AspireProperty<AspireReferenceExpression>;
  readonly port: AspireProperty<AspireReferenceExpression>;
  readonly connectionStringExpression: AspireProperty<AspireReferenceExpression>;
  readonly uriExpression: AspireProperty<AspireReferenceExpression>;
  readonly userNameReference: AspireProperty<AspireReferenceExpression>;

  constructor(...args: ConstructorParameters<typeof AspireResource>) {
    super(...args);
    const server = () => this.native.resource as ServerResource;
    this.primaryEndpoint = property(() => new AspireEndpoint(server().primaryEndpoint));
    this.host = property(() => new AspireReferenceExpression(expr`${server().primaryEndpoint.host}`));
    this.port = property(() => new AspireReferenceExpression(expr`${server().primaryEndpoint.port}`));
    this.connectionStringExpression = property(() => new AspireReferenceExpression(server().connectionStringExpression));
    this.uriExpression = property(() => new AspireReferenceExpression(server().connectionStringExpression));
    this.userNameReference = property(() => new AspireReferenceExpression(expr`${(server().userName ?? "") as string}`));
  }
}
