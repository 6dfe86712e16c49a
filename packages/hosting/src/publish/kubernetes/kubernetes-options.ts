import { BosunError } from "../../errors/bosun-error.js";
import type { KubernetesResourceOptions, ResourceQuantities } from "../../model/kubernetes-settings.js";
import type { Resource } from "../../model/resource.js";
import type { PublishModel, PublishService } from "../publish-model.js";

export type { KubernetesResourceOptions, ResourceQuantities } from "../../model/kubernetes-settings.js";

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
  /** Per resource, by name: requests, limits, storage, Ingress host; over what `withKubernetes` set. */
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

/** The options with each resource's `withKubernetes` settings under those given to publish (which win, field by field). */
export function withResourceSettings(options: KubernetesOptions, settings: ReadonlyMap<string, KubernetesResourceOptions>): KubernetesOptions {
  if (settings.size === 0) return options;
  const resources: Record<string, KubernetesResourceOptions> = { ...options.resources };
  for (const [name, own] of settings) {
    const given = resources[name] ?? {};
    resources[name] = { ...own, ...given, requests: { ...own.requests, ...given.requests }, limits: { ...own.limits, ...given.limits } };
  }
  return { ...options, resources };
}

/** The `withKubernetes` settings of the published services, by name (later calls win, field by field). */
export function kubernetesSettings(resources: readonly Resource[], model: PublishModel): Map<string, KubernetesResourceOptions> {
  const published = new Set(model.services.map((s) => s.name));
  const settings = new Map<string, KubernetesResourceOptions>();
  for (const resource of resources.filter((r) => published.has(r.name))) {
    for (const { kubernetes } of resource.annotationsOf("publish-hints")) {
      if (kubernetes) settings.set(resource.name, { ...settings.get(resource.name), ...kubernetes });
    }
  }
  return settings;
}
