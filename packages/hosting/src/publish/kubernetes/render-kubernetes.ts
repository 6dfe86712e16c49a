import { Document } from "yaml";
import { BosunError } from "../../errors/bosun-error.js";
import type { RenderedTarget } from "../compose/render-compose.js";
import type { PublishModel, PublishService, PublishWarning } from "../publish-model.js";
import type { YamlMapping } from "../render/yaml-text.js";
import { checkKubernetesNames, jobWaiterName, objectLabels, parametersSecretName } from "./kubernetes-names.js";
import { ingressObject, serviceObjects } from "./kubernetes-network.js";
import { checkKubernetesOptions, serviceSettings, type KubernetesOptions } from "./kubernetes-options.js";
import { DEFAULT_WAIT_IMAGES, jobWaiterObjects, waitsForJobs, type WaitContext } from "./kubernetes-waits.js";
import { workloadObjects } from "./kubernetes-workload.js";
import { lintManifests, type KubeObject } from "./lint-manifests.js";

export const KUSTOMIZATION_FILE = "kustomization.yaml";
export const JOB_WAITER_FILE = "job-waiter.yaml";
/** The env file kustomize makes the parameters Secret from (`.env`, git-ignored, as for Compose). */
export const SECRET_ENV_FILE = ".env";

/**
 * The model as Kubernetes manifests: one multi-document file per service (`<service>.yaml`) and a
 * `kustomization.yaml` that lists them and generates the parameters Secret from `.env`, so
 * `kubectl apply -k <folder>` deploys it and no parameter value is in any file. The objects are
 * linted (lintManifests) before anything is written: a problem there is a bug, reported loudly.
 */
export function renderKubernetes(model: PublishModel, header: readonly string[], options: KubernetesOptions = {}): RenderedTarget {
  checkKubernetesNames(model);
  checkKubernetesOptions(options, model.services);
  const warnings: PublishWarning[] = [];
  const warn = (warning: PublishWarning) => warnings.push(warning);
  const services = [...model.services].sort((a, b) => (a.name < b.name ? -1 : 1));
  const secretName = parametersSecretName(model.appName);
  const context: WaitContext = { appName: model.appName, secretName, services: new Map(services.map((s) => [s.name, s])), images: { ...DEFAULT_WAIT_IMAGES, ...options.waitImages }, warn };
  const network = { appName: model.appName, ...(options.ingressClass ? { ingressClass: options.ingressClass } : {}), warn };
  const files = new Map<string, string>();
  const all: YamlMapping[] = [];
  for (const service of services) {
    const settings = serviceSettings(service, options);
    const workload = workloadObjects(service, settings, context);
    const ingress = ingressObject(service, settings, network);
    const objects = [...workload, ...serviceObjects(service, workload.some((o) => o.kind === "StatefulSet"), network), ...(ingress ? [ingress] : [])];
    files.set(`${service.name}.yaml`, manifestText(header, objects));
    all.push(...objects);
  }
  if (services.some(waitsForJobs)) {
    const objects = jobWaiterObjects(model.appName, objectLabels(model.appName, jobWaiterName(model.appName)));
    files.set(JOB_WAITER_FILE, manifestText(header, objects));
    all.push(...objects);
  }
  warnings.push(...modelWarnings(model, all));
  const parameters = model.parameters.map((p) => p.variable);
  warnings.push(...lintOrThrow(all, parameters.length > 0 ? new Map([[secretName, parameters]]) : new Map(), services));
  files.set(KUSTOMIZATION_FILE, kustomization(header, [...files.keys()].sort(), parameters.length > 0 ? secretName : undefined));
  return { files, warnings };
}

function modelWarnings(model: PublishModel, objects: readonly YamlMapping[]): PublishWarning[] {
  const warnings: PublishWarning[] = [];
  for (const volume of model.volumes.filter((v) => v.services.length > 1)) {
    warnings.push({ code: "KUBERNETES_SHARED_VOLUME", resource: volume.services[0]!, message: `volume '${volume.name}' is mounted by ${volume.services.join(", ")}; on Kubernetes each gets a claim of its own (ReadWriteOnce), so they do not share the files` });
  }
  const hostless = objects.filter((o) => o.kind === "Ingress" && !JSON.stringify(o).includes('"host"'));
  if (hostless.length > 1) {
    warnings.push({ code: "KUBERNETES_INGRESS_NO_HOST", message: `${hostless.length} Ingresses route every host's / to different services; set kubernetes.ingressHost (or a resource's ingressHost) so each gets its own host` });
  }
  for (const service of model.services.filter((s) => s.containerName)) {
    warnings.push({ code: "KUBERNETES_CONTAINER_NAME", resource: service.name, message: `Kubernetes names the pods of '${service.name}' itself; container name '${service.containerName}' is dropped` });
  }
  return warnings;
}

/**
 * Lints the objects as plain data, the form the YAML writer gets (the golden tests lint the parsed
 * files). A host that is no Service is reported (it may be outside the app); anything else stops publish.
 */
function lintOrThrow(documents: readonly YamlMapping[], generatedSecrets: ReadonlyMap<string, readonly string[]>, services: readonly PublishService[]): PublishWarning[] {
  const objects = JSON.parse(JSON.stringify(documents)) as KubeObject[];
  const persistentMounts = new Map(services.map((s) => [s.name, s.volumes.filter((m) => m.kind === "volume" && m.source !== undefined).map((m) => m.target)]));
  const found = lintManifests({ objects, generatedSecrets, persistentMounts });
  const problems = found.filter((p) => p.check === "structure");
  if (problems.length > 0) {
    const lines = problems.map((p) => `  - ${p.object}: ${p.message}`).join("\n");
    throw new BosunError(`publish kubernetes: the manifests fail bosun's checks, so nothing was written:\n${lines}\nfix the model where it names something that is not published; otherwise this is a bug in bosun: please report it`, { code: "CONFIGURATION" });
  }
  return found.map((p) => ({ code: "KUBERNETES_UNKNOWN_HOST", resource: p.object.slice(p.object.indexOf("/") + 1), message: `${p.object}: ${p.message}; make sure it resolves in the cluster` }));
}

function kustomization(header: readonly string[], resources: readonly string[], secretName: string | undefined): string {
  const document: YamlMapping = { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", resources: [...resources] };
  if (secretName) document.secretGenerator = [{ name: secretName, envs: [SECRET_ENV_FILE] }];
  return manifestText(header, [document]);
}

/** Documents separated by `---`, each written like the other targets' files (YAML 1.1 quoting, block style). */
export function manifestText(header: readonly string[], documents: readonly YamlMapping[]): string {
  const bodies = documents.map((document) => new Document(document, { version: "1.1", aliasDuplicateObjects: false }).toString({ lineWidth: 0, minContentWidth: 0 }));
  return [...header.map((line) => `# ${line}`), bodies.join("---\n")].join("\n");
}
