import type { EnvironmentContext } from "./environment-context.js";
import type { ExpressionValue } from "./expression.js";
import type { HealthCheck } from "./health-check.js";
import type { PublishHintsAnnotation } from "./published-check.js";
import type { Resource } from "./resource.js";
import type { SnapshotExportAnnotation } from "./snapshot-export.js";

/** A network endpoint. `targetPort` is where the server listens; `port` is the host port (containers). */
export interface EndpointAnnotation {
  readonly type: "endpoint";
  readonly name: string;
  readonly scheme: string;
  port?: number;
  targetPort?: number;
  /** Environment variable that receives the port the server must listen on. */
  readonly env?: string;
  /** Host interface to publish on; 127.0.0.1 unless the user asks for more. */
  readonly hostIp?: string;
  /** Reachable from outside the machine once published (`withExternalHttpEndpoints()`). */
  external?: boolean;
}

export interface ContainerImageAnnotation {
  readonly type: "container-image";
  registry: string | undefined;
  image: string;
  tag: string;
}

export interface ContainerNameAnnotation {
  readonly type: "container-name";
  readonly name: string;
}

export type EnvironmentValue = ExpressionValue | boolean;

export interface EnvironmentAnnotation {
  readonly type: "environment";
  readonly name: string;
  readonly value: EnvironmentValue;
}

export interface EnvironmentCallbackAnnotation {
  readonly type: "environment-callback";
  readonly callback: (context: EnvironmentContext) => void;
}

export interface ArgsAnnotation {
  readonly type: "args";
  readonly args: readonly ExpressionValue[];
}

export interface MountAnnotation {
  readonly type: "mount";
  readonly kind: "volume" | "bind";
  /** Volume name, or the absolute host path of a bind mount. Anonymous volumes have none. */
  readonly source: string | undefined;
  readonly target: string;
  readonly readOnly: boolean;
}

export type WaitKind = "healthy" | "started" | "completed";

export interface WaitAnnotation {
  readonly type: "wait";
  readonly target: Resource;
  readonly kind: WaitKind;
  /** For `completed`: the exit code that counts as success. */
  readonly exitCode: number;
}

export interface ReferenceAnnotation {
  readonly type: "reference";
  readonly target: Resource;
}

export interface HealthCheckAnnotation {
  readonly type: "health-check";
  readonly check: HealthCheck;
}

export type Lifetime = "session" | "persistent";

export interface LifetimeAnnotation {
  readonly type: "lifetime";
  readonly lifetime: Lifetime;
}

export interface StartupTimeoutAnnotation {
  readonly type: "startup-timeout";
  readonly milliseconds: number;
}

/** Work the orchestrator does once the resource's parent is healthy (e.g. CREATE DATABASE). */
export interface InitializerAnnotation {
  readonly type: "initializer";
  readonly description: string;
  readonly run: (context: InitializerContext) => Promise<void>;
}

export interface InitializerContext {
  /** Renders a value for a client running on the host (where the orchestrator runs). */
  readonly resolve: (value: ExpressionValue) => string;
  readonly signal: AbortSignal;
}

/**
 * A file the runtime writes before the container starts and mounts read-only at `target` (a
 * generated configuration: pgAdmin's servers.json, a passfile). Its content is rendered like
 * environment values, for the container on the app network; the Docker runtime keeps it under the
 * session's state folder, never in the project.
 */
export interface ContainerFileAnnotation {
  readonly type: "container-file";
  /** Absolute path of the file inside the container. */
  readonly target: string;
  readonly content: (context: ContainerFileContext) => string;
}

export interface ContainerFileContext {
  /** Renders a value as the container sees it (hosts and ports on the app network). */
  readonly resolve: (value: ExpressionValue) => string;
}

/** `run` restarts this Node app when its sources change (see watch/). */
export interface WatchAnnotation {
  readonly type: "watch";
}

/** `run` starts this Node app with the inspector on 127.0.0.1 at a port kept across restarts. */
export interface InspectAnnotation {
  readonly type: "inspect";
}

export type Annotation =
  | EndpointAnnotation
  | WatchAnnotation
  | InspectAnnotation
  | ContainerImageAnnotation
  | ContainerNameAnnotation
  | EnvironmentAnnotation
  | EnvironmentCallbackAnnotation
  | ArgsAnnotation
  | MountAnnotation
  | WaitAnnotation
  | ReferenceAnnotation
  | HealthCheckAnnotation
  | LifetimeAnnotation
  | StartupTimeoutAnnotation
  | InitializerAnnotation
  | ContainerFileAnnotation
  | PublishHintsAnnotation
  | SnapshotExportAnnotation;

export type AnnotationType = Annotation["type"];
export type AnnotationOf<T extends AnnotationType> = Extract<Annotation, { type: T }>;
