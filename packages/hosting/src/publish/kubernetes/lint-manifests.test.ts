import { describe, expect, it } from "vitest";
import { lintManifests, type KubeObject, type ManifestSet } from "./lint-manifests.js";

const labels = { "app.kubernetes.io/name": "db", "app.kubernetes.io/instance": "shop" };
const apiLabels = { "app.kubernetes.io/name": "api", "app.kubernetes.io/instance": "shop" };

/** A small valid set: a database StatefulSet, an API Deployment that uses it, their Services and an Ingress. */
function validSet(): { objects: KubeObject[]; generatedSecrets: Map<string, string[]>; persistentMounts: Map<string, string[]> } {
  const db = {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "db" },
    spec: {
      serviceName: "db-headless",
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          containers: [
            {
              name: "db",
              ports: [{ name: "tcp", containerPort: 5432 }],
              env: [{ name: "POSTGRES_PASSWORD", valueFrom: { secretKeyRef: { name: "shop-parameters", key: "DB_PASSWORD" } } }],
              readinessProbe: { exec: { command: ["pg_isready"] } },
              volumeMounts: [{ name: "db-data", mountPath: "/var/lib/postgresql/data" }],
            },
          ],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: "db-data" } }],
    },
  };
  const api = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "api" },
    spec: {
      selector: { matchLabels: { ...apiLabels } },
      template: {
        metadata: { labels: { ...apiLabels } },
        spec: {
          containers: [
            {
              name: "api",
              ports: [{ name: "http", containerPort: 8080 }],
              envFrom: [{ configMapRef: { name: "api-env" } }],
              env: [
                { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "shop-parameters", key: "DB_PASSWORD" } } },
                { name: "DB_URI", value: "postgresql://postgres:$(DB_PASSWORD)@db:5432/app" },
              ],
              readinessProbe: { httpGet: { path: "/health", port: 8080 } },
              volumeMounts: [{ name: "uploads", mountPath: "/uploads" }],
            },
          ],
          volumes: [{ name: "uploads", persistentVolumeClaim: { claimName: "uploads" } }],
        },
      },
    },
  };
  const service = (name: string, selector: object, port: number, headless = false) => ({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name },
    spec: { ...(headless ? { clusterIP: "None" } : {}), selector: { ...selector }, ports: [{ name: "p", port, targetPort: port }] },
  });
  const ingressPath = { path: "/", pathType: "Prefix", backend: { service: { name: "api", port: { number: 8080 } } } };
  return {
    objects: [
      db,
      api,
      service("db", labels, 5432),
      service("db-headless", labels, 5432, true),
      service("api", apiLabels, 8080),
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "api-env" }, data: { DB_HOST: "db", GATEWAY_URL: "http://api:8080", EXTERNAL: "https://example.com" } },
      { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "uploads" } },
      { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "api" }, spec: { rules: [{ http: { paths: [ingressPath] } }] } },
    ],
    generatedSecrets: new Map([["shop-parameters", ["DB_PASSWORD"]]]),
    persistentMounts: new Map([
      ["db", ["/var/lib/postgresql/data"]],
      ["api", ["/uploads"]],
    ]),
  };
}

/** Test fixtures are edited by path. */
type Spec = Record<string, any>;
const find = (set: ManifestSet, kind: string, name: string) => set.objects.find((o) => o.kind === kind && (o.metadata as Spec).name === name) as Spec;
const container = (set: ManifestSet, kind: string, name: string) => find(set, kind, name).spec.template.spec.containers[0] as Spec;

function problemsAfter(edit: (set: ReturnType<typeof validSet>) => void): string[] {
  const set = validSet();
  edit(set);
  return lintManifests(set).map((p) => `${p.object}: ${p.message}`);
}

describe("lintManifests", () => {
  it("finds nothing wrong in a consistent set", () => {
    expect(lintManifests(validSet())).toEqual([]);
  });

  it.each<[string, (set: ReturnType<typeof validSet>) => void, RegExp]>([
    ["a selector that does not match the pod labels", (s) => (find(s, "StatefulSet", "db").spec.selector.matchLabels["app.kubernetes.io/name"] = "database"), /StatefulSet\/db: selector .* does not match/],
    ["a Service selecting no pod", (s) => (find(s, "Service", "api").spec.selector = { app: "nope" }), /Service\/api: selector .* matches no pod template/],
    ["a serviceName with no Service", (s) => (find(s, "StatefulSet", "db").spec.serviceName = "db-governing"), /serviceName 'db-governing' is not a Service/],
    ["a serviceName that is not headless", (s) => (find(s, "StatefulSet", "db").spec.serviceName = "db"), /serviceName 'db' is not a headless Service/],
    ["a Secret that is not generated", (s) => s.generatedSecrets.clear(), /reads Secret 'shop-parameters', which is not in the output/],
    ["a Secret key that is not generated", (s) => s.generatedSecrets.set("shop-parameters", ["OTHER"]), /reads key 'DB_PASSWORD', which Secret 'shop-parameters' does not have/],
    ["a ConfigMap that is missing", (s) => (s.objects = s.objects.filter((o) => o.kind !== "ConfigMap")), /reads ConfigMap 'api-env', which is not in the output/],
    ["a claim that is missing", (s) => (s.objects = s.objects.filter((o) => o.kind !== "PersistentVolumeClaim")), /uses claim 'uploads', which is not a PersistentVolumeClaim/],
    ["a host in a URL that is no Service", (s) => (container(s, "Deployment", "api").env[1].value = "postgresql://postgres:$(DB_PASSWORD)@postgres-service:5432/app"), /names host 'postgres-service', which is not a Service/],
    ["a URL port the Service does not have", (s) => (container(s, "Deployment", "api").env[1].value = "postgresql://u@db:5433/app"), /names db:5433, but Service 'db' has no port 5433/],
    ["a *_HOST variable that is no Service", (s) => ((find(s, "ConfigMap", "api-env").data as Spec).DB_HOST = "database"), /variable DB_HOST names host 'database'/],
    ["an emptyDir where the model keeps data", (s) => (find(s, "Deployment", "api").spec.template.spec.volumes = [{ name: "uploads", emptyDir: {} }]), /keeps data at \/uploads in an emptyDir/],
    ["a data path with nothing mounted", (s) => (container(s, "StatefulSet", "db").volumeMounts = []), /nothing is mounted at \/var\/lib\/postgresql\/data/],
    ["a probe on an undeclared port", (s) => (container(s, "Deployment", "api").readinessProbe.httpGet.port = 8081), /probes port 8081, which the container does not declare/],
    ["a probe port written as a string", (s) => (container(s, "Deployment", "api").readinessProbe.httpGet.port = "8080"), /probes port "8080"/],
    ["a Service targeting an undeclared port", (s) => (find(s, "Service", "db").spec.ports[0].targetPort = 5433), /Service\/db: port 5432 targets 5433, which no selected container declares/],
    ["an Ingress backend port the Service lacks", (s) => (find(s, "Ingress", "api").spec.rules[0].http.paths[0].backend.service.port.number = 80), /Ingress\/api: backend 'api' has no port 80/],
    ["a name that is not DNS-1123", (s) => (find(s, "ConfigMap", "api-env").metadata.name = "Api_Env"), /ConfigMap\/Api_Env: name 'Api_Env' is not a valid DNS-1123/],
    ["a Service name starting with a digit", (s) => (find(s, "Service", "api").metadata.name = "1api"), /Service\/1api: name '1api' is not a valid DNS-1123 label/],
    ["a StatefulSet name too long for its revision label", (s) => (find(s, "StatefulSet", "db").metadata.name = `d${"b".repeat(52)}`), /longer than 52 characters/],
    ["a container name with capitals", (s) => (container(s, "Deployment", "api").name = "API"), /container name 'API' is not a DNS-1123 label/],
  ])("reports %s", (_, edit, expected) => {
    const problems = problemsAfter(edit);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });
});
