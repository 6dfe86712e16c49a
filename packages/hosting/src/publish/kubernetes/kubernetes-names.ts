import { BosunError } from "../../errors/bosun-error.js";
import type { PublishModel } from "../publish-model.js";

/** A DNS-1123 label: what Kubernetes requires of Service, container, volume and port names. */
export const DNS1123_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A DNS-1123 subdomain (ConfigMap, Secret, Deployment names), at most 253 characters. */
export const DNS1123_SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
/** Service names are DNS-1035 labels: they also start with a letter. */
export const DNS1035_LABEL = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** `<service>-headless`: the governing Service of a StatefulSet. */
export const headlessName = (service: string) => `${service}-headless`;
/** `<service>-env`: the ConfigMap with a service's plain values. */
export const configMapName = (service: string) => `${service}-env`;
/** `wait-for-<dependency>`: the init container that waits for it. */
export const waitContainerName = (dependency: string) => `wait-for-${dependency}`;
/** The Secret kustomize generates from `.env` with every parameter's value. */
export const parametersSecretName = (appName: string) => `${appName}-parameters`;
/** The ServiceAccount whose pods may read Jobs, to wait for them. */
export const jobWaiterName = (appName: string) => `${appName}-job-waiter`;
/** A StatefulSet's name must leave room for its `controller-revision-hash` label (`<name>-<10 chars>` ≤ 63). */
const STATEFUL_SET_MAX = 52;

/** The recommended `app.kubernetes.io/*` labels; the first two select a service's pods. */
export function selectorLabels(appName: string, service: string): Record<string, string> {
  return { "app.kubernetes.io/name": service, "app.kubernetes.io/instance": appName };
}

/** Every object's labels: the selector's, the app it is part of, and who manages it. */
export function objectLabels(appName: string, service: string): Record<string, string> {
  return { ...selectorLabels(appName, service), "app.kubernetes.io/part-of": appName, "app.kubernetes.io/managed-by": "bosun" };
}

/** A volume's name as a claim: Docker allows `_`, `.` and capitals, Kubernetes does not. */
export function claimName(volume: string): string {
  return volume.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
}

/**
 * Checks every name the Kubernetes files derive from the model, before anything is written: bosun
 * allows capitals in resource names and Docker allows them in volume names; Kubernetes does not,
 * and the derived names (`<service>-headless`, `wait-for-<service>`) must stay within 63 characters.
 */
export function checkKubernetesNames(model: PublishModel): void {
  const problems: string[] = [];
  const check = (name: string, rule: RegExp, max: number, what: string, resource: string) => {
    if (name.length > max || !rule.test(name)) problems.push(`'${resource}': ${what} '${name}' is not a valid Kubernetes name (${ruleText(rule, max)})`);
  };
  check(parametersSecretName(model.appName), DNS1123_LABEL, 63, "the parameters Secret", model.appName);
  check(model.appName, DNS1123_LABEL, 63, "the app name (a label value)", model.appName);
  for (const service of model.services) {
    check(service.name, DNS1035_LABEL, 63, "the Service name", service.name);
    if (service.stateful) {
      check(service.name, DNS1035_LABEL, STATEFUL_SET_MAX, "the StatefulSet name", service.name);
      check(headlessName(service.name), DNS1035_LABEL, 63, "the headless Service name", service.name);
    }
    for (const dependency of service.dependencies) check(waitContainerName(dependency.service), DNS1123_LABEL, 63, "the init container name", service.name);
    for (const mount of service.volumes) {
      if (mount.kind === "volume" && mount.source !== undefined) check(claimName(mount.source), DNS1123_LABEL, 63, `the claim of volume '${mount.source}'`, service.name);
    }
  }
  if (problems.length > 0) {
    throw new BosunError(`publish kubernetes: ${problems.length} name(s) Kubernetes rejects:\n${problems.map((p) => `  - ${p}`).join("\n")}\nrename the resource (lower-case letters, digits and hyphens; shorter) or the volume`, {
      code: "CONFIGURATION",
    });
  }
}

function ruleText(rule: RegExp, max: number): string {
  const start = rule === DNS1035_LABEL ? "start with a lower-case letter" : "start with a lower-case letter or digit";
  return `lower-case letters, digits and '-', ${start}, end with a letter or digit, at most ${max} characters`;
}
