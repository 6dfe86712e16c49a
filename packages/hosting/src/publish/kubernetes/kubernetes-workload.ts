import { createHash } from "node:crypto";
import type { PublishService, PublishWarning } from "../publish-model.js";
import type { YamlMapping } from "../render/yaml-text.js";
import { containerEnvironment, expandable } from "./kubernetes-environment.js";
import { claimName, configMapName, headlessName, jobWaiterName, objectLabels, selectorLabels } from "./kubernetes-names.js";
import { portName } from "./kubernetes-network.js";
import type { ServiceSettings } from "./kubernetes-options.js";
import { serviceProbes } from "./kubernetes-probes.js";
import { waitContainers, waitsForJobs, type WaitContext } from "./kubernetes-waits.js";

/** The annotation that changes, and so rolls the pods, when the service's ConfigMap changes. */
export const CONFIG_CHECKSUM = "checksum/config";

/** How a service runs: a server with data (StatefulSet), a server (Deployment) or a task others wait to complete (Job). */
export type WorkloadKind = "StatefulSet" | "Deployment" | "Job";

export function workloadKind(service: PublishService): WorkloadKind {
  if (service.restart === "on-failure") return "Job";
  return service.stateful ? "StatefulSet" : "Deployment";
}

/** The ConfigMap (when there are plain values), the workload and the claims it needs besides its templates. */
export function workloadObjects(service: PublishService, settings: ServiceSettings, context: WaitContext): YamlMapping[] {
  const kind = workloadKind(service);
  const labels = objectLabels(context.appName, service.name);
  const checkValues = service.healthChecks.flatMap((c) => ("exec" in c.command ? c.command.exec : [c.command.shell]));
  const environment = containerEnvironment(service.environment, context.secretName, [...service.command, ...checkValues]);
  const objects: YamlMapping[] = [];
  const annotations: Record<string, string> = {};
  const container: YamlMapping = { name: service.name, image: service.image, imagePullPolicy: "IfNotPresent" };
  if (service.command.length > 0) container.args = service.command.map((arg) => expandable(arg, environment.referenceTo));
  if (service.ports.length > 0) container.ports = service.ports.map((p) => ({ name: portName(p), containerPort: p.containerPort, protocol: "TCP" }));
  if (Object.keys(environment.plain).length > 0) {
    const name = configMapName(service.name);
    objects.push({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, labels }, data: environment.plain });
    container.envFrom = [{ configMapRef: { name } }];
    annotations[CONFIG_CHECKSUM] = createHash("sha256").update(JSON.stringify(environment.plain)).digest("hex");
  }
  if (environment.env.length > 0) container.env = environment.env;
  container.resources = { requests: { ...settings.requests }, ...(Object.keys(settings.limits).length > 0 ? { limits: { ...settings.limits } } : {}) };
  const probes = kind === "Job" ? undefined : serviceProbes(service, environment.referenceTo);
  if (probes) Object.assign(container, probes);
  const storage = volumes(service, kind, settings, labels, context.warn);
  if (storage.mounts.length > 0) container.volumeMounts = storage.mounts;
  const initContainers = waitContainers(service, context);
  const podSpec: YamlMapping = {
    ...(waitsForJobs(service) ? { serviceAccountName: jobWaiterName(context.appName) } : {}),
    ...(initContainers.length > 0 ? { initContainers } : {}),
    containers: [container],
    ...(storage.podVolumes.length > 0 ? { volumes: storage.podVolumes } : {}),
    ...(kind === "Job" ? { restartPolicy: "OnFailure" } : {}),
  };
  const template = { metadata: { labels, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) }, spec: podSpec };
  const metadata = { name: service.name, labels };
  const selector = { matchLabels: selectorLabels(context.appName, service.name) };
  objects.push(...storage.claims);
  if (kind === "Job") objects.push({ apiVersion: "batch/v1", kind, metadata, spec: { backoffLimit: 6, template } });
  else if (kind === "Deployment") objects.push({ apiVersion: "apps/v1", kind, metadata, spec: { replicas: service.replicas, selector, template } });
  else {
    if (service.replicas > 1) context.warn({ code: "KUBERNETES_STATEFUL_REPLICAS", resource: service.name, message: `'${service.name}' keeps data in a volume and runs as one replica, not ${service.replicas}` });
    objects.push({ apiVersion: "apps/v1", kind, metadata, spec: { serviceName: headlessName(service.name), replicas: 1, selector, template, volumeClaimTemplates: storage.templates } });
  }
  return objects;
}

interface Storage {
  readonly mounts: YamlMapping[];
  readonly podVolumes: YamlMapping[];
  /** A StatefulSet's claim per pod. */
  readonly templates: YamlMapping[];
  /** Standalone claims, for a Deployment or Job that mounts a named volume. */
  readonly claims: YamlMapping[];
}

/**
 * Named volumes become claims (a StatefulSet's `volumeClaimTemplates`, else a PersistentVolumeClaim
 * of their own); an anonymous volume lives as long as the pod (`emptyDir`); a bind mount is a
 * path on the developer's machine and is reported.
 */
function volumes(service: PublishService, kind: WorkloadKind, settings: ServiceSettings, labels: Record<string, string>, warn: (w: PublishWarning) => void): Storage {
  const storage: Storage = { mounts: [], podVolumes: [], templates: [], claims: [] };
  service.volumes.forEach((mount, index) => {
    if (mount.kind === "bind") {
      warn({ code: "KUBERNETES_BIND_MOUNT", resource: service.name, message: `'${service.name}' mounts ${mount.source} from the developer's machine at ${mount.target}; it is left out: build the files into the image or use a ConfigMap` });
      return;
    }
    const name = mount.source === undefined ? `scratch-${index}` : claimName(mount.source);
    storage.mounts.push({ name, mountPath: mount.target, ...(mount.readOnly ? { readOnly: true } : {}) });
    if (mount.source === undefined) {
      storage.podVolumes.push({ name, emptyDir: {} });
      return;
    }
    const spec = { accessModes: ["ReadWriteOnce"], ...(settings.storageClass ? { storageClassName: settings.storageClass } : {}), resources: { requests: { storage: settings.storageSize } } };
    if (kind === "StatefulSet") {
      storage.templates.push({ metadata: { name, labels }, spec });
    } else {
      storage.claims.push({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name, labels }, spec });
      storage.podVolumes.push({ name, persistentVolumeClaim: { claimName: name } });
    }
  });
  return storage;
}
