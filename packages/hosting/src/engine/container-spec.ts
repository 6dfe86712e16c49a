/** A port to publish on the host; the engine picks `hostPort` when it is absent. */
export interface PortSpec {
  readonly containerPort: number;
  readonly protocol?: "tcp" | "udp";
  readonly hostPort?: number;
  /** Defaults to 127.0.0.1: nothing is published beyond this machine unless asked for. */
  readonly hostIp?: string;
}

export interface MountSpec {
  readonly type: "volume" | "bind";
  /** Volume name ("" for an anonymous volume), or absolute host path for a bind mount. */
  readonly source: string;
  readonly target: string;
  readonly readOnly?: boolean;
}

export interface NetworkAttachment {
  readonly name: string;
  /** DNS names the container answers to on that network. */
  readonly aliases: readonly string[];
}

/** Everything bosun asks of a container at creation; engine-neutral. */
export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly env: Readonly<Record<string, string>>;
  readonly cmd?: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly hostname?: string;
  readonly ports: readonly PortSpec[];
  readonly mounts: readonly MountSpec[];
  readonly network?: NetworkAttachment;
  readonly stopSignal?: string;
  readonly stopTimeoutSeconds?: number;
  readonly user?: string;
  readonly workingDir?: string;
  /** Extra `/etc/hosts` entries, e.g. `host.docker.internal:host-gateway`. */
  readonly extraHosts?: readonly string[];
}

export const DEFAULT_HOST_IP = "127.0.0.1";
