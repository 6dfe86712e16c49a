import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lintManifests, type KubeObject } from "@bosun/hosting";
import { createBuilder } from "bosun";
import { afterAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { validateKubernetesObject } from "../support/kubernetes-schemas.js";
import { REPO_ROOT } from "../support/workspace-files.js";
import { APPHOST_DIRECTORY, everyFeatureApp, referenceApp } from "./publish-models.js";

/** `UPDATE_GOLDEN=1 npx vitest run --project unit test/publish` rewrites the expected files. */
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const GOLDEN = path.join(REPO_ROOT, "test/fixtures/publish");
const MODELS = { reference: referenceApp, "every-feature": everyFeatureApp } as const;
const scratch = path.join(APPHOST_DIRECTORY, "publish", `.golden-k8s-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The top-level files publish wrote (the image build folders are the images step's, tested there). */
function topLevelFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== ".bosun-publish")
    .map((e) => e.name)
    .sort();
}

function objectsIn(folder: string): KubeObject[] {
  return topLevelFiles(folder)
    .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
    .flatMap((f) => parseAllDocuments(readFileSync(path.join(folder, f), "utf8"), { version: "1.1" }).map((d) => d.toJS() as KubeObject));
}

function portable(text: string): string {
  return text.replaceAll(REPO_ROOT.replace(/\/$/, ""), "<repo>");
}

describe.each(Object.keys(MODELS) as (keyof typeof MODELS)[])("publishing the %s model for kubernetes", (model) => {
  const outputDir = path.join(scratch, model);
  const published = MODELS[model]().publish({ target: "kubernetes", outputDir, env: {} });

  it("writes the expected files", async () => {
    await published;
    const expectedFolder = path.join(GOLDEN, `${model}-kubernetes`);
    if (UPDATE) {
      rmSync(expectedFolder, { recursive: true, force: true });
      mkdirSync(expectedFolder, { recursive: true });
      for (const file of topLevelFiles(outputDir)) writeFileSync(path.join(expectedFolder, file), portable(readFileSync(path.join(outputDir, file), "utf8")));
    }
    expect(topLevelFiles(outputDir)).toEqual(topLevelFiles(expectedFolder));
    for (const file of topLevelFiles(outputDir)) {
      expect(portable(readFileSync(path.join(outputDir, file), "utf8")), `${file} differs from the golden file`).toBe(readFileSync(path.join(expectedFolder, file), "utf8"));
    }
  });

  it("validates every object against the Kubernetes schema", async () => {
    await published;
    const objects = objectsIn(outputDir);
    expect(objects.length).toBeGreaterThan(10);
    expect(objects.flatMap(validateKubernetesObject)).toEqual([]);
  });

  it("passes the linter with the Secret kustomize generates, and lists every manifest in kustomization.yaml", async () => {
    await published;
    const kustomization = parseAllDocuments(readFileSync(path.join(outputDir, "kustomization.yaml"), "utf8"))[0]!.toJS() as { resources: string[]; secretGenerator: { name: string; envs: string[] }[] };
    expect(kustomization.resources).toEqual(topLevelFiles(outputDir).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml"));
    const [generator] = kustomization.secretGenerator;
    expect(generator!.envs).toEqual([".env"]);
    expect(readFileSync(path.join(outputDir, ".gitignore"), "utf8")).toMatch(/^\.env$/m);
    const report = JSON.parse(readFileSync(path.join(outputDir, "publish-report.json"), "utf8")) as { parameters: { variable: string }[] };
    const generatedSecrets = new Map([[generator!.name, report.parameters.map((p) => p.variable)]]);
    expect(lintManifests({ objects: objectsIn(outputDir), generatedSecrets })).toEqual([]);
  });

  it("uses integer ports everywhere and no emptyDir for a data volume", async () => {
    await published;
    const text = topLevelFiles(outputDir).filter((f) => f.endsWith(".yaml")).map((f) => readFileSync(path.join(outputDir, f), "utf8")).join("\n");
    expect(text).not.toMatch(/(containerPort|port|targetPort|number): ["']/);
    const statefulSets = objectsIn(outputDir).filter((o) => o.kind === "StatefulSet");
    expect(statefulSets.length).toBeGreaterThan(0);
    for (const set of statefulSets) {
      expect(JSON.stringify(set)).not.toContain("emptyDir");
      expect(JSON.stringify(set)).toContain("volumeClaimTemplates");
    }
  });
});

describe("kubernetes publish options and checks", () => {
  const folder = (name: string) => path.join(scratch, name);

  it("puts parameter values only in the git-ignored .env that kustomize reads (--env-file)", async () => {
    const outputDir = folder("env-file");
    const secrets = { "Parameters__pg-password": "PgPassword-42-never-in-a-manifest", "Parameters__api-key": "ApiKey-4711-never-in-a-manifest" };
    await everyFeatureApp().publish({ target: "kubernetes", outputDir, env: { ...secrets, BOSUN_SECRETS_DIR: folder("secrets-dir") }, envFile: true });
    const holding = topLevelFiles(outputDir).filter((f) => Object.values(secrets).some((s) => readFileSync(path.join(outputDir, f), "utf8").includes(s)));
    expect(holding).toEqual([".env"]);
    expect(readFileSync(path.join(outputDir, ".env"), "utf8")).toMatch(/^PG_PASSWORD=PgPassword-42-never-in-a-manifest$/m);
  });

  it("applies storage, Ingress and per-resource settings", async () => {
    const outputDir = folder("options");
    await everyFeatureApp().publish({
      target: "kubernetes",
      outputDir,
      env: {},
      kubernetes: {
        storageClass: "fast-ssd",
        storageSize: "5Gi",
        ingressClass: "nginx",
        ingressHost: "features.example.com",
        resources: { pg: { storageSize: "20Gi", limits: { memory: "2Gi" } }, api: { requests: { cpu: "500m" } }, worker: { ingressHost: "jobs.example.org" } },
      },
    });
    const objects = objectsIn(outputDir);
    const named = (kind: string, name: string) => objects.find((o) => o.kind === kind && (o.metadata as { name: string }).name === name) as { spec: Record<string, any> };
    const pg = named("StatefulSet", "pg").spec;
    expect(pg.volumeClaimTemplates[0].spec).toEqual({ accessModes: ["ReadWriteOnce"], storageClassName: "fast-ssd", resources: { requests: { storage: "20Gi" } } });
    expect(pg.template.spec.containers[0].resources).toEqual({ requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "2Gi" } });
    expect(named("StatefulSet", "cache").spec.volumeClaimTemplates[0].spec.resources).toEqual({ requests: { storage: "5Gi" } });
    expect(named("Deployment", "api").spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: "500m", memory: "128Mi" } });
    const ingress = (name: string, host: string) => ({ ingressClassName: "nginx", rules: [{ host, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name, port: { number: 8080 } } } }] } }] });
    expect(objects.filter((o) => o.kind === "Ingress").map((o) => o.spec)).toEqual([ingress("api", "api.features.example.com"), ingress("worker", "jobs.example.org")]);
    expect(objects.flatMap(validateKubernetesObject)).toEqual([]);
  });

  it("takes a resource's withKubernetes settings, with publish options for it winning field by field", async () => {
    const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName: "settings" });
    builder.addPostgres("db").withDataVolume().withKubernetes({ storageSize: "20Gi", storageClass: "fast", limits: { memory: "2Gi", cpu: "1" } });
    const outputDir = folder("settings");
    await builder.build().publish({ target: "kubernetes", outputDir, env: {}, kubernetes: { resources: { db: { limits: { memory: "3Gi" } } } } });
    const db = objectsIn(outputDir).find((o) => o.kind === "StatefulSet") as { spec: Record<string, any> };
    expect(db.spec.volumeClaimTemplates[0].spec).toEqual({ accessModes: ["ReadWriteOnce"], storageClassName: "fast", resources: { requests: { storage: "20Gi" } } });
    expect(db.spec.template.spec.containers[0].resources.limits).toEqual({ memory: "3Gi", cpu: "1" });
  });

  it("refuses a withKubernetes setting it does not know, naming it", () => {
    const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName: "settings" });
    const settings = { storagesize: "5Gi" } as unknown as Parameters<ReturnType<typeof builder.addRedis>["withKubernetes"]>[0];
    expect(() => builder.addRedis("cache").withKubernetes(settings)).toThrow(/\.withKubernetes\(…\) has no option 'storagesize'/);
  });

  it("rejects settings for a resource that is not published, naming it", async () => {
    await expect(referenceApp().publish({ target: "kubernetes", outputDir: folder("typo"), env: {}, kubernetes: { resources: { postgress: { storageSize: "5Gi" } } } })).rejects.toThrow(
      /resources names 'postgress', which is not a published service; use one of .*postgres/,
    );
  });

  it("rejects names Kubernetes does not allow before writing anything, naming the resource", async () => {
    const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName: "names" });
    builder.addContainer("Cache", "redis:7");
    builder.addContainer(`d${"b".repeat(52)}`, "postgres:15").withVolume("data", "/data");
    const outputDir = folder("names");
    const publishing = builder.build().publish({ target: "kubernetes", outputDir, env: {} });
    await expect(publishing).rejects.toThrow(/'Cache': the Service name 'Cache' is not a valid Kubernetes name/);
    await expect(publishing).rejects.toThrow(/'dbbb+': the StatefulSet name 'dbbb+' is not a valid Kubernetes name \(.*at most 52 characters\)/);
    expect(existsSync(outputDir)).toBe(false);
  });

  it("reports a host that is no published service (it may live outside the app) instead of failing", async () => {
    const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName: "hosts" });
    builder.addContainer("web", "nginx:1.27").withHttpEndpoint({ targetPort: 80 }).withEnvironment("UPSTREAM", "http://backend:8080/api");
    const result = await builder.build().publish({ target: "kubernetes", outputDir: folder("hosts"), env: {} });
    expect(result.warnings).toEqual([
      { code: "KUBERNETES_UNKNOWN_HOST", resource: "web", message: "Deployment/web: container 'web' variable UPSTREAM names host 'backend', which is not a Service in the output; make sure it resolves in the cluster" },
    ]);
  });

  it("fails --strict with the codes of what it cannot express", async () => {
    await expect(everyFeatureApp().publish({ target: "kubernetes", outputDir: folder("strict"), env: {}, strict: true })).rejects.toThrow(/KUBERNETES_BIND_MOUNT: 'pg' mounts/);
  });

  it("has a schema check that rejects what Aspire's output got wrong: a port as a string", () => {
    const service = { apiVersion: "v1", kind: "Service", metadata: { name: "db" }, spec: { ports: [{ port: "5432" }] } };
    expect(validateKubernetesObject(service)).toEqual([expect.stringMatching(/port must be integer/)]);
  });
});
