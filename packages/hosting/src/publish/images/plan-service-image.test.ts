import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planServiceImage, type ServiceImageRequest } from "./plan-service-image.js";

const ROOT = fileURLToPath(new URL("../../../../../", import.meta.url));

function request(service: string, source: ServiceImageRequest["source"], extra: Partial<ServiceImageRequest> = {}): ServiceImageRequest {
  return {
    appName: "bosun",
    service,
    kind: source.script ? "node-app" : "npm-app",
    source,
    containerPorts: [8080],
    outputDirectory: "/tmp/out",
    appHostDirectory: `${ROOT}apphost`,
    ...extra,
  };
}

const authApi = request("auth-api", { directory: `${ROOT}examples/ecommerce/auth-api`, script: "src/index.ts" });
const frontend = request("frontend", { directory: `${ROOT}examples/ecommerce/frontend`, npmScript: "start" });

describe("planServiceImage", () => {
  it("tags <app>-<service>:latest and builds from the service's folder of the output", () => {
    const plan = planServiceImage(authApi);
    expect(plan.image).toBe("bosun-auth-api:latest");
    expect(plan.build).toEqual({ context: "auth-api", dockerfile: "auth-api/Dockerfile", args: {} });
    expect(Object.keys(plan.files ?? {}).sort()).toEqual(["auth-api/.gitignore", "auth-api/Dockerfile", "auth-api/bosun-entrypoint.mjs"]);
  });

  it("writes the reference auth-api's Dockerfile: TypeScript through tsx, workspace layout, official node base", async () => {
    await expect(planServiceImage(authApi).files?.["auth-api/Dockerfile"]).toMatchFileSnapshot("fixtures/auth-api.Dockerfile");
  });

  it("runs an npm app's script with sh -c and node_modules/.bin on PATH (the reference frontend)", async () => {
    await expect(planServiceImage(frontend).files?.["frontend/Dockerfile"]).toMatchFileSnapshot("fixtures/frontend.Dockerfile");
  });

  it("maps the base image like any other and takes another base when asked", () => {
    const mapped = planServiceImage({ ...authApi, substituteImage: (r) => (r.startsWith("docker.io/library/node:") ? "bosun-offline/node:20" : r) });
    expect(mapped.files?.["auth-api/Dockerfile"]).toContain("ARG BASE_IMAGE=bosun-offline/node:20\n");
    const custom = planServiceImage({ ...authApi, baseImage: "registry.example.com/base/node:20" });
    expect(custom.files?.["auth-api/Dockerfile"]).toContain("ARG BASE_IMAGE=registry.example.com/base/node:20\n");
  });

  it("gives the same files every time (publishing twice is byte-identical)", () => {
    expect(planServiceImage(frontend)).toEqual(planServiceImage(frontend));
  });

  it("names the service and the script when the npm script does not exist", () => {
    const missing = request("frontend", { directory: `${ROOT}examples/ecommerce/frontend`, npmScript: "serve" });
    expect(() => planServiceImage(missing)).toThrow(/'frontend' runs the npm script 'serve', which .*package\.json does not define/);
  });

  it("keeps the staged context out of version control", () => {
    expect(planServiceImage(authApi).files?.["auth-api/.gitignore"]).toContain("/deps/\n/workspace/\n/app/\n");
  });
});
