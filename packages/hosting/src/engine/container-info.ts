export type ContainerState = "created" | "restarting" | "running" | "removing" | "paused" | "exited" | "dead";

/** A port binding the engine reports: `hostPort` on `hostIp` forwards to `containerPort`. */
export interface PublishedPort {
  readonly containerPort: number;
  readonly protocol: "tcp" | "udp" | "sctp";
  readonly hostIp: string;
  readonly hostPort: number;
}

/** What `containers.inspect` tells: enough to reconcile, report and connect. */
export interface ContainerInfo {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: ContainerState;
  readonly running: boolean;
  /** Meaningful once the container has exited. */
  readonly exitCode: number;
  readonly startedAt: Date | undefined;
  readonly finishedAt: Date | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly PublishedPort[];
  /** The engine's own health check result, when the image defines one. */
  readonly health?: "starting" | "healthy" | "unhealthy";
}

/** One row of `containers.list`. */
export interface ContainerSummary {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: ContainerState;
  readonly labels: Readonly<Record<string, string>>;
}
