/**
 * The application resolved for publishing, the same for every target (Compose, Swarm, Kubernetes):
 * every value is rendered for the target's network (host = service name, container ports) with
 * parameters left as placeholders, so a renderer only has to write its own format. Nothing here is
 * specific to one target; see CONTRACT.md for the conventions shared with the generated images.
 */
export interface PublishModel {
  /** The AppHost's DNS-safe name: the Compose project and Swarm stack name. */
  readonly appName: string;
  /** One per resource that runs as a container, in the order the AppHost added them. */
  readonly services: readonly PublishService[];
  /** Named data volumes, sorted by name. */
  readonly volumes: readonly PublishVolume[];
  /** Every parameter a published file refers to, sorted by variable name. */
  readonly parameters: readonly PublishParameter[];
  /** What the model holds that publishing cannot carry over (targets add their own). */
  readonly warnings: readonly PublishWarning[];
}

/** How a service is run: an image as is, or an image built from the app's own code. */
export type PublishServiceKind = "container" | "node-app" | "npm-app";

export interface PublishService {
  /** The resource name: the service name and the host name other services use. */
  readonly name: string;
  readonly kind: PublishServiceKind;
  /** The image to run (for node and npm apps, the tag the build produces). */
  readonly image: string;
  /** How to build the image; only for the app's own services (planned by publish/images). */
  readonly build?: ServiceBuild;
  /** For node and npm apps: what the image is built from. */
  readonly source?: AppSource;
  readonly containerName?: string;
  /** Overrides the image's command (a container's `withArgs`); empty when the image's own is used. */
  readonly command: readonly PublishValue[];
  readonly ports: readonly PublishPort[];
  /** Sorted by name. */
  readonly environment: readonly PublishEnvironmentEntry[];
  readonly volumes: readonly PublishMount[];
  /** Sorted by service name. */
  readonly dependencies: readonly PublishDependency[];
  /** Checks run inside the container; all must pass for the service to be healthy. */
  readonly healthChecks: readonly PublishHealthCheck[];
  /** `always` for servers, `on-failure` for jobs other services wait to complete. */
  readonly restart: "always" | "on-failure";
  readonly replicas: number;
  /** True when the service keeps data in a named volume (pinned to one node on multi-node targets). */
  readonly stateful: boolean;
  /** Variables the image also reads from a file (`NAME_FILE`), so a target can mount a secret as a file. */
  readonly fileVariables: readonly string[];
}

/** What a node or npm app's image is built from; paths are absolute. */
export interface AppSource {
  readonly directory: string;
  /** `node <script>` for node apps. */
  readonly script?: string;
  /** `npm run <npmScript>` for npm apps. */
  readonly npmScript?: string;
}

/** A Docker build, as `planServiceImage` (publish/images) returns it. Paths relative to the output folder. */
export interface ServiceBuild {
  readonly context: string;
  readonly dockerfile: string;
  readonly args: Readonly<Record<string, string>>;
}

/** A value with parameters left open: literal text and parameter placeholders, in order. */
export type PublishValue = readonly PublishValuePart[];
export type PublishValuePart = string | ParameterPlaceholder;

export interface ParameterPlaceholder {
  /** The parameter's `PublishParameter.variable`. */
  readonly parameter: string;
}

export interface PublishPort {
  /** The endpoint name (`http`, `tcp`, `management`). */
  readonly name: string;
  readonly scheme: string;
  readonly protocol: "tcp";
  /** Where the server listens inside its container. */
  readonly containerPort: number;
  /**
   * Published on the host only when the model fixed a port or the endpoint is external (then the
   * container port, unless another service publishes that one: absent, the engine picks a port).
   */
  readonly hostPort?: number;
  /** Host interface for a published port (127.0.0.1 unless the model or `external` says otherwise). */
  readonly hostIp?: string;
  /** `withExternalHttpEndpoints()`: reachable from outside the machine. */
  readonly external: boolean;
}

export interface PublishEnvironmentEntry {
  readonly name: string;
  readonly value: PublishValue;
  /** True when the value contains a secret parameter. */
  readonly secret: boolean;
}

export interface PublishMount {
  readonly kind: "volume" | "bind";
  /** Volume name, or a bind mount's absolute host path; absent for an anonymous volume. */
  readonly source?: string;
  readonly target: string;
  readonly readOnly: boolean;
}

export interface PublishVolume {
  readonly name: string;
  /** Services that mount it. */
  readonly services: readonly string[];
}

export interface PublishDependency {
  /** The service depended on (a database's server for a database). */
  readonly service: string;
  readonly kind: "healthy" | "started" | "completed";
  /** For `completed`: the exit code that counts as success. */
  readonly exitCode: number;
  /** How a waiting client checks it from outside (Swarm's wait-for entrypoint; Kubernetes init containers). */
  readonly probe?: DependencyProbe;
}

/** A client-side readiness check of a dependency, the same bosun's orchestrator runs. */
export interface DependencyProbe {
  /** `postgres`, `redis`, `amqp` (a connection string), `http` (a URL) or `tcp` (`host:port`). */
  readonly kind: "postgres" | "redis" | "amqp" | "http" | "tcp";
  /** Rendered for the target network; secrets as placeholders. */
  readonly target: PublishValue;
}

/** One check a target runs inside the service's container. */
export interface PublishHealthCheck {
  /** What the check proves: `pg_isready`, `redis-ping`, `amqp`, `http`, `tcp`, or an integration's own. */
  readonly kind: string;
  /** The command, exec form or shell form (`sh -c`); it reads secrets from the container's environment, never holds them. */
  readonly command: { readonly exec: readonly PublishValue[] } | { readonly shell: PublishValue };
  /** Extra variables the command needs inside the container (merged into `environment`). */
  readonly environment: readonly PublishEnvironmentEntry[];
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  /** Failures during this time do not count; a success makes the service healthy at once. */
  readonly startPeriodSeconds: number;
  readonly retries: number;
  /** For `http`/`tcp` checks: the container port and path probed. */
  readonly port?: number;
  readonly path?: string;
}

export interface PublishParameter {
  /** The parameter resource's name (`postgres-password`). */
  readonly name: string;
  /** The variable the published files read it from (`POSTGRES_PASSWORD`). */
  readonly variable: string;
  readonly secret: boolean;
  /** A non-secret default, written into the placeholder; secrets never have one here. */
  readonly defaultValue?: string;
  /** True when bosun generates the value for `run` (so `--env-file` can fill it). */
  readonly generated: boolean;
  /** One line for `.env.example`: what it is and who uses it. */
  readonly description: string;
}

export interface PublishWarning {
  /** Stable, SCREAMING_SNAKE: `HEALTHCHECK_NOT_PUBLISHED`, `SWARM_NO_START_ORDER`, … */
  readonly code: string;
  /** The resource concerned, when there is one. */
  readonly resource?: string;
  readonly message: string;
}

/** Targets `publish` can render. */
export type PublishTarget = "compose" | "swarm" | "kubernetes";
