import { DNS1035_LABEL, DNS1123_LABEL, DNS1123_SUBDOMAIN } from "./kubernetes-names.js";
import { allContainers, containerPorts, list, objectId, podLabels, podSpec, podTemplate, probePorts, record, selects, text, type KubeObject } from "./lint-pods.js";

export type { KubeObject } from "./lint-pods.js";

/** What the linter checks: the objects, and what exists or is promised besides them. */
export interface ManifestSet {
  readonly objects: readonly KubeObject[];
  /** Secrets kustomize's secretGenerator makes, with their keys. */
  readonly generatedSecrets?: ReadonlyMap<string, readonly string[]>;
  /** Per workload name, the mount paths the model keeps data in: never `emptyDir`. */
  readonly persistentMounts?: ReadonlyMap<string, readonly string[]>;
}

export interface LintProblem {
  /** `Kind/name`. */
  readonly object: string;
  readonly message: string;
  /**
   * `host`: a value names a host that is no Service of the set (it may live outside it);
   * `structure`: anything else, which makes the set fail on a cluster.
   */
  readonly check: "host" | "structure";
}

const URL_HOST = /[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([A-Za-z0-9.-]+)(?::(\d+))?/g;

/**
 * Checks what the schema cannot: every selector selects its pods, every name a pod refers to
 * (Secret, ConfigMap, claim, ServiceAccount, the host of a URL or `*_HOST` variable, a
 * StatefulSet's `serviceName`) is an object of the set, no persistent path is an `emptyDir`,
 * every port a probe, Service or Ingress uses exists, and names are DNS-1123. Returns the problems.
 */
export function lintManifests(set: ManifestSet): LintProblem[] {
  const problems: LintProblem[] = [];
  const report = (object: KubeObject, message: string, check: LintProblem["check"] = "structure") => problems.push({ object: objectId(object), message, check });
  const byKind = (kind: string) => set.objects.filter((o) => o.kind === kind);
  const index = new Map<string, Map<string, KubeObject>>();
  const named = (kind: string) => {
    if (!index.has(kind)) index.set(kind, new Map(byKind(kind).map((o) => [text(record(o.metadata).name) ?? "", o])));
    return index.get(kind)!;
  };
  const services = named("Service");
  const workloads = set.objects.filter((o) => podTemplate(o) !== undefined);
  const pods = new Pods(workloads);
  const secrets = new Map<string, readonly string[] | undefined>([...named("Secret")].map(([name, s]) => [name, Object.keys({ ...record(s.data), ...record(s.stringData) })]));
  for (const [name, keys] of set.generatedSecrets ?? []) secrets.set(name, keys);
  const references: References = { named, services, secrets, configMaps: new Map([...named("ConfigMap")].map(([name, c]) => [name, record(c.data)])) };
  for (const object of set.objects) checkNames(object, report);
  for (const workload of workloads) {
    checkSelector(workload, report);
    checkPod(workload, set, references, report);
  }
  for (const service of services.values()) checkService(service, pods, report);
  for (const ingress of byKind("Ingress")) checkIngress(ingress, services, report);
  return problems;
}

type Report = (object: KubeObject, message: string, check?: LintProblem["check"]) => void;

interface References {
  readonly named: (kind: string) => Map<string, KubeObject>;
  readonly services: Map<string, KubeObject>;
  /** Secrets in the set or generated, with their keys. */
  readonly secrets: Map<string, readonly string[] | undefined>;
  readonly configMaps: Map<string, KubeObject>;
}

/** Pod templates indexed by each label, so selecting pods does not scan every workload. */
class Pods {
  private readonly byLabel = new Map<string, KubeObject[]>();
  constructor(workloads: readonly KubeObject[]) {
    for (const workload of workloads) {
      for (const [key, value] of Object.entries(podLabels(workload))) {
        const label = `${key}=${String(value)}`;
        this.byLabel.set(label, [...(this.byLabel.get(label) ?? []), workload]);
      }
    }
  }

  selectedBy(selector: Record<string, unknown>): KubeObject[] {
    const [first] = Object.entries(selector);
    if (!first) return [];
    return (this.byLabel.get(`${first[0]}=${String(first[1])}`) ?? []).filter((w) => selects(selector, podLabels(w)));
  }
}

function checkNames(object: KubeObject, report: Report): void {
  const name = text(record(object.metadata).name) ?? "";
  const label = object.kind === "Service" ? DNS1035_LABEL : DNS1123_LABEL;
  const needsLabel = ["Service", "StatefulSet", "Job"].includes(text(object.kind) ?? "");
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name) || (needsLabel && !label.test(name))) report(object, `name '${name}' is not a valid DNS-1123 ${needsLabel ? "label" : "subdomain"}`);
  if (object.kind === "StatefulSet" && name.length > 52) report(object, `name '${name}' is longer than 52 characters; the controller-revision-hash label would not fit`);
  const spec = podSpec(object);
  for (const container of allContainers(spec)) {
    if (!DNS1123_LABEL.test(text(container.name) ?? "")) report(object, `container name '${String(container.name)}' is not a DNS-1123 label`);
  }
  for (const volume of list(spec.volumes)) {
    if (!DNS1123_LABEL.test(text(volume.name) ?? "")) report(object, `volume name '${String(volume.name)}' is not a DNS-1123 label`);
  }
}

function checkSelector(workload: KubeObject, report: Report): void {
  if (workload.kind === "Job" || workload.kind === "Pod") return;
  const selector = record(record(record(workload.spec).selector).matchLabels);
  if (!selects(selector, podLabels(workload))) report(workload, `selector ${JSON.stringify(selector)} does not match its pod template's labels ${JSON.stringify(podLabels(workload))}`);
}

function checkPod(workload: KubeObject, set: ManifestSet, { named, services, secrets, configMaps }: References, report: Report): void {
  const spec = podSpec(workload);
  const claims = named("PersistentVolumeClaim");
  const templates = new Set(list(record(workload.spec).volumeClaimTemplates).map((t) => text(record(t.metadata).name)));
  const volumes = new Map(list(spec.volumes).map((v) => [text(v.name) ?? "", v]));
  const account = text(spec.serviceAccountName);
  if (account !== undefined && !named("ServiceAccount").has(account)) report(workload, `serviceAccountName '${account}' is not a ServiceAccount in the output`);
  if (workload.kind === "StatefulSet") {
    const governing = text(record(workload.spec).serviceName);
    const service = services.get(governing ?? "");
    if (!service) report(workload, `serviceName '${governing ?? ""}' is not a Service in the output`);
    else if (record(service.spec).clusterIP !== "None") report(workload, `serviceName '${governing}' is not a headless Service (clusterIP: None)`);
  }
  for (const volume of volumes.values()) {
    const claim = text(record(volume.persistentVolumeClaim).claimName);
    if (claim !== undefined && !claims.has(claim)) report(workload, `volume '${String(volume.name)}' uses claim '${claim}', which is not a PersistentVolumeClaim in the output`);
    const secret = text(record(volume.secret).secretName);
    if (secret !== undefined && !secrets.has(secret)) report(workload, `volume '${String(volume.name)}' uses Secret '${secret}', which is not in the output`);
    const configMap = text(record(volume.configMap).name);
    if (configMap !== undefined && !configMaps.has(configMap)) report(workload, `volume '${String(volume.name)}' uses ConfigMap '${configMap}', which is not in the output`);
  }
  const persistent = new Set(set.persistentMounts?.get(text(record(workload.metadata).name) ?? "") ?? []);
  for (const container of allContainers(spec)) {
    const where = `container '${String(container.name)}'`;
    const values: string[] = [];
    for (const source of list(container.envFrom)) {
      const map = text(record(source.configMapRef).name);
      if (map !== undefined && !configMaps.has(map)) report(workload, `${where} reads ConfigMap '${map}', which is not in the output`);
      if (map !== undefined) values.push(...Object.entries(configMaps.get(map) ?? {}).map(([k, v]) => `${k}=${String(v)}`));
      const secret = text(record(source.secretRef).name);
      if (secret !== undefined && !secrets.has(secret)) report(workload, `${where} reads Secret '${secret}', which is not in the output`);
    }
    for (const variable of list(container.env)) {
      const from = record(variable.valueFrom);
      const secretRef = record(from.secretKeyRef);
      const secret = text(secretRef.name);
      if (secret !== undefined) {
        const keys = secrets.get(secret);
        if (!secrets.has(secret)) report(workload, `${where} variable ${String(variable.name)} reads Secret '${secret}', which is not in the output`);
        else if (keys && !keys.includes(text(secretRef.key) ?? "")) report(workload, `${where} variable ${String(variable.name)} reads key '${String(secretRef.key)}', which Secret '${secret}' does not have`);
      }
      const mapRef = record(from.configMapKeyRef);
      const map = text(mapRef.name);
      if (map !== undefined && !((text(mapRef.key) ?? "") in (configMaps.get(map) ?? {}))) report(workload, `${where} variable ${String(variable.name)} reads ConfigMap '${map}' key '${String(mapRef.key)}', which is not in the output`);
      if (typeof variable.value === "string") values.push(`${String(variable.name)}=${variable.value}`);
    }
    for (const value of values) checkHosts(value, services, (message) => report(workload, `${where} ${message}`, "host"));
    const ports = containerPorts(container);
    for (const port of probePorts(container)) {
      if (typeof port === "number" ? !ports.numbers.has(port) : !ports.names.has(String(port))) report(workload, `${where} probes port ${JSON.stringify(port)}, which the container does not declare`);
    }
    for (const mount of list(container.volumeMounts)) {
      const name = text(mount.name) ?? "";
      const volume = volumes.get(name);
      if (!volume && !templates.has(name)) report(workload, `${where} mounts '${name}', which is neither a pod volume nor a volumeClaimTemplate`);
      if (persistent.has(text(mount.mountPath) ?? "") && (volume?.emptyDir !== undefined || (!volume && !templates.has(name)))) {
        report(workload, `${where} keeps data at ${String(mount.mountPath)} in ${volume?.emptyDir !== undefined ? "an emptyDir, lost with the pod" : "nothing persistent"}; the model asked for a data volume`);
      }
      persistent.delete(text(mount.mountPath) ?? "");
    }
  }
  for (const path of persistent) report(workload, `nothing is mounted at ${path}, where the model keeps data in a volume`);
}

/** A `scheme://host:port` in a value, or a `*_HOST` variable: the host must be a Service with that port. */
function checkHosts(assignment: string, services: Map<string, KubeObject>, report: (message: string) => void): void {
  const [name = "", value = ""] = [assignment.slice(0, assignment.indexOf("=")), assignment.slice(assignment.indexOf("=") + 1)];
  const found: { host: string; port?: number }[] = [...value.matchAll(URL_HOST)].map((m) => ({ host: m[1]!, ...(m[2] ? { port: Number(m[2]) } : {}) }));
  if (/_HOST$/.test(name) && /^[A-Za-z0-9-]+$/.test(value)) found.push({ host: value });
  for (const { host, port } of found) {
    if (host.includes(".") || host === "localhost" || host.includes("$")) continue;
    const service = services.get(host);
    if (!service) report(`variable ${name} names host '${host}', which is not a Service in the output`);
    else if (port !== undefined && !list(record(service.spec).ports).some((p) => p.port === port)) report(`variable ${name} names ${host}:${port}, but Service '${host}' has no port ${port}`);
  }
}

function checkService(service: KubeObject, pods: Pods, report: Report): void {
  const selector = record(record(service.spec).selector);
  const selected = pods.selectedBy(selector);
  if (selected.length === 0) {
    report(service, `selector ${JSON.stringify(selector)} matches no pod template in the output`);
    return;
  }
  for (const port of list(record(service.spec).ports)) {
    const target = port.targetPort ?? port.port;
    const exists = selected.some((w) => list(podSpec(w).containers).some((c) => (typeof target === "number" ? containerPorts(c).numbers.has(target) : containerPorts(c).names.has(String(target)))));
    if (!exists) report(service, `port ${String(port.port)} targets ${JSON.stringify(target)}, which no selected container declares`);
  }
}

function checkIngress(ingress: KubeObject, services: Map<string, KubeObject>, report: Report): void {
  for (const rule of list(record(ingress.spec).rules)) {
    for (const path of list(record(rule.http).paths)) {
      const backend = record(record(path.backend).service);
      const service = services.get(text(backend.name) ?? "");
      const port = record(backend.port).number;
      if (!service) report(ingress, `backend '${String(backend.name)}' is not a Service in the output`);
      else if (!list(record(service.spec).ports).some((p) => p.port === port)) report(ingress, `backend '${String(backend.name)}' has no port ${String(port)}`);
    }
  }
}
