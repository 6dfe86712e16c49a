import type { ExpressionValue } from "./expression.js";
import type { KubernetesResourceOptions } from "./kubernetes-settings.js";

/**
 * How a published target checks a resource the orchestrator probes with a client of its own: a
 * command run inside the resource's container (exec or shell form) and, for services that wait
 * for it, the client protocol to probe its connection string with. Integrations describe it; the
 * core knows nothing of PostgreSQL or Redis.
 * @example { kind: "pg_isready", exec: ["pg_isready", "-h", "127.0.0.1", "-U", user, "-d", "appdb"], client: "postgres" }
 */
export interface PublishedCheck {
  /** What the check proves, e.g. `pg_isready`, `redis-ping`, `amqp`. */
  readonly kind: string;
  /** The command as an argument list. Give `exec` or `shell`. */
  readonly exec?: readonly ExpressionValue[];
  /** A `sh -c` command; it may read the container's own variables (`$NAME`), never a secret value. */
  readonly shell?: ExpressionValue;
  /** Variables the command needs in the container, e.g. `REDISCLI_AUTH` set to the password parameter. */
  readonly environment?: Readonly<Record<string, ExpressionValue>>;
  /** How long the server may take to start before failures count (default 30 s). */
  readonly startPeriodSeconds?: number;
  /** Seconds between checks; raise it for a costly command (default 2 s). */
  readonly intervalSeconds?: number;
  /** The protocol a waiting service probes the connection string with. */
  readonly client?: "postgres" | "redis" | "amqp";
}

/**
 * Publishing hints a resource carries for targets that run it elsewhere: variables the image also
 * reads from a file (`POSTGRES_PASSWORD_FILE`), and variables a child resource needs set on the
 * container it lives in (a database's `POSTGRES_DB`, created by `run` itself).
 */
export interface PublishHintsAnnotation {
  readonly type: "publish-hints";
  /** `withKubernetes`: requests, limits, storage and Ingress host on a Kubernetes cluster. */
  readonly kubernetes?: KubernetesResourceOptions;
  readonly fileVariables?: readonly string[];
  readonly parentEnvironment?: Readonly<Record<string, ExpressionValue>>;
}
