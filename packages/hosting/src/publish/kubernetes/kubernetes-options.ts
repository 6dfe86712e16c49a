import { BosunError } from "../../errors/bosun-error.js";
import type { PublishService } from "../publish-model.js";

/** CPU and memory quantities, as Kubernetes writes them (`250m`, `512Mi`). */
export interface ResourceQuantities {
  readonly cpu?: string;
  readonly memory?: string;
}

/** What one resource gets on the cluster; every field overrides the default. */
export interface KubernetesResourceOptions {
  /** Scheduling requests; default `cpu: 100m, memory: 128Mi` (`250m`/`256Mi` for a service with a data volume). */
  readonly requests?: ResourceQuantities;
  /** Limits; default none, `memory: 1Gi` for a service with a data volume. */
  readonly limits?: ResourceQuantities;
  /** Size of each data volume's claim; default the target's `storageSize`. */
  readonly storageSize?: string;
  /** Storage class of each data volume's claim; default the target's `storageClass`. */
  readonly storageClass?: string;
  /** Host name of this service's Ingress; default `<service>.<ingressHost>` when `ingressHost` is set. */
  readonly ingressHost?: string;
}

/** `publish({ target: "kubernetes", kubernetes: { … } })`: the cluster's choices the model cannot know. */
export interface KubernetesOptions {
  /** Claim size of a data volume; default `1Gi`. */
  readonly storageSize?: string;
  /** Storage class of data volume claims; default none (the cluster's default class). */
  readonly storageClass?: string;
  /** `ingressClassName` of the Ingresses of external HTTP endpoints; default none (the cluster's default class). */
  readonly ingressClass?: string;
  /** Domain under which each external service is reachable as `<service>.<ingressHost>`; default none (any host). */
  readonly ingressHost?: string;
  /**
   * Images of the init containers that do not run a dependency's own check: `tools` (sh, nc, wget;
   * default busybox) and `kubectl` (waits for Jobs; default the Kubernetes project's kubectl image).
   */
  readonly waitImages?: { readonly tools?: string; readonly kubectl?: string };
  /** Per resource, by name: requests, limits, storage, Ingress host. */
  readonly resources?: Readonly<Record<string, KubernetesResourceOptions>>;
}

/** The options resolved for one service. */
export interface ServiceSettings {
  readonly requests: ResourceQuantities;
  readonly limits: ResourceQuantities;
  readonly storageSize: string;
  readonly storageClass?: string;
  readonly ingressHost?: string;
}

const DEFAULT_STORAGE_SIZE = "1Gi";
const REQUESTS = { stateful: { cpu: "250m", memory: "256Mi" }, stateless: { cpu: "100m", memory: "128Mi" } } as const;
const LIMITS = { stateful: { memory: "1Gi" }, stateless: {} } as const;

/** Checks that every resource named in `options.resources` is published, so a typo is not silently ignored. */
export function checkKubernetesOptions(options: KubernetesOptions, services: readonly PublishService[]): void {
  const names = new Set(services.map((s) => s.name));
  const unknown = Object.keys(options.resources ?? {}).filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new BosunError(
      `publish kubernetes: options.kubernetes.resources names ${unknown.map((n) => `'${n}'`).join(", ")}, which ${unknown.length === 1 ? "is" : "are"} not a published service; use one of ${[...names].sort().join(", ")}`,
      { code: "CONFIGURATION" },
    );
  }
}

/** The defaults for a service with the options' overrides applied. */
export function serviceSettings(service: PublishService, options: KubernetesOptions): ServiceSettings {
  const own = options.resources?.[service.name] ?? {};
  const kind = service.stateful ? "stateful" : "stateless";
  const storageClass = own.storageClass ?? options.storageClass;
  const ingressHost = own.ingressHost ?? (options.ingressHost ? `${service.name}.${options.ingressHost}` : undefined);
  return {
    requests: { ...REQUESTS[kind], ...own.requests },
    limits: { ...LIMITS[kind], ...own.limits },
    storageSize: own.storageSize ?? options.storageSize ?? DEFAULT_STORAGE_SIZE,
    ...(storageClass ? { storageClass } : {}),
    ...(ingressHost ? { ingressHost } : {}),
  };
}
