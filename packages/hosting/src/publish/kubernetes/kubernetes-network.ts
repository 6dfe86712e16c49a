import type { PublishPort, PublishService, PublishWarning } from "../publish-model.js";
import type { YamlMapping } from "../render/yaml-text.js";
import { claimName, headlessName, objectLabels, selectorLabels } from "./kubernetes-names.js";
import type { ServiceSettings } from "./kubernetes-options.js";

export interface NetworkContext {
  readonly appName: string;
  readonly ingressClass?: string;
  readonly warn: (warning: PublishWarning) => void;
}

/**
 * The Services of a service: a ClusterIP Service named like the resource, so host names and ports
 * are those of `run` and Compose (`postgres:5432`), and for a StatefulSet its headless governing
 * Service. A host port the model fixed has no cluster equivalent and is reported.
 */
export function serviceObjects(service: PublishService, statefulSet: boolean, context: NetworkContext): YamlMapping[] {
  const labels = objectLabels(context.appName, service.name);
  const selector = selectorLabels(context.appName, service.name);
  const ports = service.ports.map((port) => ({ name: portName(port), port: port.containerPort, targetPort: port.containerPort, protocol: "TCP" }));
  for (const port of service.ports.filter((p) => p.hostPort !== undefined && !p.external)) {
    context.warn({
      code: "KUBERNETES_HOST_PORT",
      resource: service.name,
      message: `'${service.name}' publishes port ${port.containerPort} on host port ${port.hostPort} for the developer's machine; a cluster has no such port: reach it with kubectl port-forward service/${service.name} ${port.hostPort}:${port.containerPort}`,
    });
  }
  const objects: YamlMapping[] = [];
  if (ports.length > 0) objects.push({ apiVersion: "v1", kind: "Service", metadata: { name: service.name, labels }, spec: { type: "ClusterIP", selector, ports } });
  if (statefulSet) {
    const spec = { clusterIP: "None", selector, ...(ports.length > 0 ? { ports } : {}) };
    objects.push({ apiVersion: "v1", kind: "Service", metadata: { name: headlessName(service.name), labels }, spec });
  }
  return objects;
}

/** An Ingress for the first external HTTP endpoint (`withExternalHttpEndpoints`); other external endpoints are reported. */
export function ingressObject(service: PublishService, settings: ServiceSettings, context: NetworkContext): YamlMapping | undefined {
  const external = service.ports.filter((p) => p.external);
  const [http, ...others] = external.filter((p) => p.scheme === "http" || p.scheme === "https");
  for (const port of [...others, ...external.filter((p) => p.scheme !== "http" && p.scheme !== "https")]) {
    context.warn({ code: "KUBERNETES_EXTERNAL_ENDPOINT", resource: service.name, message: `external endpoint '${port.name}' of '${service.name}' gets no Ingress (one HTTP endpoint per service is routed); expose it with a LoadBalancer Service of your own` });
  }
  if (!http) return undefined;
  const path = { path: "/", pathType: "Prefix", backend: { service: { name: service.name, port: { number: http.containerPort } } } };
  const rule = { ...(settings.ingressHost ? { host: settings.ingressHost } : {}), http: { paths: [path] } };
  const spec = { ...(context.ingressClass ? { ingressClassName: context.ingressClass } : {}), rules: [rule] };
  return { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: service.name, labels: objectLabels(context.appName, service.name) }, spec };
}

/** A port's name as Kubernetes allows it (an IANA service name: at most 15 characters, a letter, no `--`). */
export function portName(port: PublishPort): string {
  const name = claimName(port.name).replace(/-{2,}/g, "-").slice(0, 15).replace(/-+$/, "");
  return /[a-z]/.test(name) ? name : `port-${port.containerPort}`;
}
