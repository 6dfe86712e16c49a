/** CPU and memory quantities, as Kubernetes writes them (`250m`, `512Mi`). */
export interface ResourceQuantities {
  readonly cpu?: string;
  readonly memory?: string;
}

/** What one resource gets on a Kubernetes cluster (`withKubernetes`); every field overrides the default. */
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
