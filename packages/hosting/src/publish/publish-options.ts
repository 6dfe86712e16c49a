import type { KubernetesOptions } from "./kubernetes/kubernetes-options.js";
import type { PublishTarget, PublishWarning } from "./publish-model.js";

export interface PublishOptions {
  readonly target: PublishTarget;
  /** Where the files go; relative paths resolve against the AppHost's folder. Default `publish/<target>` there. */
  readonly outputDir?: string;
  /** Fill a git-ignored `.env` (and Swarm's `secrets/`) with the AppHost's values; existing values are kept. */
  readonly envFile?: boolean;
  /** Build and tag the images of the app's own services with the local engine. */
  readonly build?: boolean;
  /** Fail, writing nothing, when the target cannot express something in the model. */
  readonly strict?: boolean;
  /**
   * Swarm only: how a service name resolves. `vip` (default) is Swarm's virtual IP and ingress
   * routing mesh; `dnsrr` resolves to the task's own address and publishes ports on the task's
   * node (`mode: host`), for kernels without IPVS, where virtual IPs do not work.
   */
  readonly swarmEndpointMode?: "vip" | "dnsrr";
  /**
   * Kubernetes only: storage size and class of data volumes, the Ingress class and host, and per
   * resource (by name) requests, limits, storage and Ingress host. See docs/publishing.md.
   */
  readonly kubernetes?: KubernetesOptions;
  /** Where parameters and BOSUN_IMAGE_MAP are read from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Progress lines (`--build`); default: none. */
  readonly log?: (line: string) => void;
}

export interface PublishResult {
  readonly target: PublishTarget;
  readonly outputDirectory: string;
  /** Files written this time, relative to the output folder. */
  readonly written: readonly string[];
  /** Files of an earlier publish that are no longer produced. */
  readonly removed: readonly string[];
  readonly warnings: readonly PublishWarning[];
}
