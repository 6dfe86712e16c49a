import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateCompose, validateStack } from "../support/publish-schemas.js";
import { REPO_ROOT } from "../support/workspace-files.js";
import { APPHOST_DIRECTORY, everyFeatureApp, referenceApp } from "./publish-models.js";

/** `UPDATE_GOLDEN=1 npx vitest run --project unit test/publish` rewrites the expected files. */
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const GOLDEN = path.join(REPO_ROOT, "test/fixtures/publish");
const TARGET_FILES = { compose: ["docker-compose.yaml", ".env.example", "publish-report.json", ".gitignore"], swarm: ["stack.yaml", ".env.example", "publish-report.json", ".gitignore"] } as const;
const MODELS = { reference: referenceApp, "every-feature": everyFeatureApp } as const;
// Inside the AppHost's (git-ignored) publish folder, where bind mounts are written relative to it, like by default.
const scratch = path.join(APPHOST_DIRECTORY, "publish", `.golden-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The files with this machine's checkout path replaced, so they compare on any machine. */
function portable(text: string): string {
  return text.replaceAll(REPO_ROOT.replace(/\/$/, ""), "<repo>");
}

describe.each(Object.keys(MODELS) as (keyof typeof MODELS)[])("publishing the %s model", (model) => {
  describe.each(["compose", "swarm"] as const)("for %s", (target) => {
    const outputDir = path.join(scratch, model, target);
    const published = MODELS[model]().publish({ target, outputDir, env: {} });

    it("writes the expected files", async () => {
      await published;
      for (const file of TARGET_FILES[target]) {
        const actual = portable(readFileSync(path.join(outputDir, file), "utf8"));
        const expectedPath = path.join(GOLDEN, `${model}-${target}`, file);
        if (UPDATE) {
          mkdirSync(path.dirname(expectedPath), { recursive: true });
          writeFileSync(expectedPath, actual);
        }
        expect(actual, `${file} differs from ${path.relative(REPO_ROOT, expectedPath)}`).toBe(readFileSync(expectedPath, "utf8"));
      }
    });

    it("validates against the target's schema", async () => {
      await published;
      const file = TARGET_FILES[target][0];
      const document = parse(readFileSync(path.join(outputDir, file), "utf8"), { version: "1.1" }) as unknown;
      const errors = target === "compose" ? validateCompose(document) : validateStack(document);
      expect(errors.map((e) => `${e.instancePath} ${e.message ?? ""}`)).toEqual([]);
      if (target === "swarm") {
        // the schema allows `build`, but Swarm ignores it: the images must exist
        const services = Object.values((document as { services: Record<string, object> }).services);
        expect(services.filter((s) => "build" in s || "depends_on" in s || "container_name" in s)).toEqual([]);
      }
    });
  });
});

describe("the schema checks", () => {
  it("reject what docker stack deploy rejects: long-form depends_on, a top-level name", () => {
    const service = { image: "x", depends_on: { db: { condition: "service_healthy" } } };
    const paths = validateStack({ version: "3.8", name: "shop", services: { api: service, db: { image: "y" } } }).map((e) => `${e.instancePath} ${e.message ?? ""}`);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^\/services\/api\/depends_on /), expect.stringMatching(/^ must NOT have additional properties/)]));
  });

  it("reject a Compose file with a wrong healthcheck or wait condition", () => {
    const errors = validateCompose({ services: { api: { image: "x", healthcheck: { test: 5 }, depends_on: { db: { condition: "service_ready" } } } } });
    expect(errors.map((e) => e.instancePath)).toEqual(expect.arrayContaining(["/services/api/healthcheck/test", "/services/api/depends_on/db/condition"]));
  });
});

describe("Swarm without virtual IPs (swarmEndpointMode: dnsrr)", () => {
  it("resolves every service to its task and publishes ports on the task's node, still valid for docker stack deploy", async () => {
    const outputDir = path.join(scratch, "dnsrr");
    await referenceApp().publish({ target: "swarm", outputDir, env: {}, swarmEndpointMode: "dnsrr" });
    const document = parse(readFileSync(path.join(outputDir, "stack.yaml"), "utf8"), { version: "1.1" }) as { services: Record<string, { deploy: { endpoint_mode?: string }; ports?: { mode: string }[] }> };
    expect(validateStack(document)).toEqual([]);
    const services = Object.values(document.services);
    expect(services.map((s) => s.deploy.endpoint_mode)).toEqual(services.map(() => "dnsrr"));
    expect(services.flatMap((s) => s.ports ?? []).map((p) => p.mode)).toEqual(["host", "host", "host"]);
  });
});
