import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lintManifests, type KubeObject } from "@bosun/hosting";
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
