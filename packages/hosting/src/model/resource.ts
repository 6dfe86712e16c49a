import type { Annotation, AnnotationOf, AnnotationType } from "./annotations.js";
import { recordCallSite } from "./call-site.js";
import type { ExpressionValue, ReferenceExpression } from "./expression.js";

/**
 * A named piece of the application: pure data, described by its annotations. Fluent builder
 * methods only add annotations; the orchestrator and publishers read them.
 */
export abstract class Resource {
  /** The manifest type, e.g. `container.v0`. */
  abstract readonly type: string;
  readonly annotations: Annotation[] = [];

  constructor(readonly name: string) {}

  /** The resource this one lives in (a database's server), if any. */
  get parent(): Resource | undefined {
    return undefined;
  }

  annotationsOf<T extends AnnotationType>(type: T): AnnotationOf<T>[] {
    return this.annotations.filter((a): a is AnnotationOf<T> => a.type === type);
  }

  lastAnnotationOf<T extends AnnotationType>(type: T): AnnotationOf<T> | undefined {
    return this.annotationsOf(type).at(-1);
  }

  /** Adds an annotation and remembers the user's call that asked for it, for error messages. */
  addAnnotation(annotation: Annotation): void {
    recordCallSite(annotation);
    this.annotations.push(annotation);
  }

  /**
   * Problems with this resource's own settings, reported by `build()` with every other problem;
   * integrations override it (a database name PostgreSQL cannot take, say).
   */
  checkSettings(): string[] {
    return [];
  }
}

/** A resource that receives environment variables (containers, executables). */
export interface ResourceWithEnvironment extends Resource {
  readonly supportsEnvironment: true;
}

/** A resource that exposes network endpoints. */
export interface ResourceWithEndpoints extends Resource {
  readonly supportsEndpoints: true;
}

/** A resource that takes command-line arguments. */
export interface ResourceWithArgs extends Resource {
  readonly supportsArgs: true;
}

/** A resource the orchestrator starts itself, so it can wait for others and be health-checked. */
export interface ResourceWithWaitSupport extends Resource {
  readonly supportsWaits: true;
}

/** A container with a well-known folder for its data, so `withDataVolume()` knows where to mount. */
export interface ResourceWithDataPath extends Resource {
  readonly dataPath: string;
}

/** A resource that clients connect to with a connection string (databases, caches, brokers). */
export interface ResourceWithConnectionString extends Resource {
  readonly connectionStringExpression: ReferenceExpression;
  /** The parts injected as `NAME_HOST`, `NAME_PORT`, …, keyed by suffix (`HOST`, `PORT`, `URI`, …). */
  connectionProperties(): ReadonlyMap<string, ExpressionValue>;
}

export function hasConnectionString(resource: Resource): resource is ResourceWithConnectionString {
  return "connectionStringExpression" in resource;
}

export function hasEndpoints(resource: Resource): resource is ResourceWithEndpoints {
  return "supportsEndpoints" in resource;
}

export function hasWaitSupport(resource: Resource): resource is ResourceWithWaitSupport {
  return "supportsWaits" in resource;
}

export function hasEnvironment(resource: Resource): resource is ResourceWithEnvironment {
  return "supportsEnvironment" in resource;
}
