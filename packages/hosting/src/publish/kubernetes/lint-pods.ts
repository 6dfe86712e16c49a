/** A parsed Kubernetes object, read loosely: the linter must cope with anything a user hands it. */
export type KubeObject = Record<string, unknown>;

export const record = (value: unknown): KubeObject => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as KubeObject) : {});
export const list = (value: unknown): KubeObject[] => (Array.isArray(value) ? value.map(record) : []);
export const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** `Kind/name`, how problems name an object. */
export function objectId(object: KubeObject): string {
  return `${text(object.kind) ?? "?"}/${text(record(object.metadata).name) ?? "?"}`;
}

/** The pod template of a workload (Deployment, StatefulSet, Job, DaemonSet, ReplicaSet), or a Pod's own. */
export function podTemplate(object: KubeObject): KubeObject | undefined {
  if (object.kind === "Pod") return object;
  const template = record(record(object.spec).template);
  return Object.keys(template).length > 0 ? template : undefined;
}

export function podSpec(object: KubeObject): KubeObject {
  return record(podTemplate(object)?.spec);
}

export function podLabels(object: KubeObject): Record<string, unknown> {
  return record(record(podTemplate(object)?.metadata).labels);
}

/** Containers and init containers. */
export function allContainers(spec: KubeObject): KubeObject[] {
  return [...list(spec.initContainers), ...list(spec.containers)];
}

/** Whether every `selector` label is on the pod (an empty selector matches nothing useful). */
export function selects(selector: Record<string, unknown>, labels: Record<string, unknown>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

/** Container ports by number and name. */
export function containerPorts(container: KubeObject): { numbers: Set<number>; names: Set<string> } {
  const ports = list(container.ports);
  return { numbers: new Set(ports.map((p) => p.containerPort).filter((n): n is number => typeof n === "number")), names: new Set(ports.map((p) => text(p.name)).filter((n): n is string => n !== undefined)) };
}

/** The ports a container's probes use (`httpGet`, `tcpSocket`, `grpc`). */
export function probePorts(container: KubeObject): unknown[] {
  return ["readinessProbe", "livenessProbe", "startupProbe"].flatMap((key) => {
    const probe = record(container[key]);
    return ["httpGet", "tcpSocket", "grpc"].flatMap((action) => (probe[action] === undefined ? [] : [record(probe[action]).port]));
  });
}
