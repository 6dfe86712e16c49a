import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createBuilder } from "bosun";
import { APPHOST_DIRECTORY, everyFeatureApp, referenceApp } from "./publish-models.js";

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function scratch(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-publish-"));
  folders.push(folder);
  return folder;
}

describe("the output folder", () => {
  it("keeps files bosun did not write, and lists what it wrote in .bosun-publish", async () => {
    const outputDir = scratch();
    writeFileSync(path.join(outputDir, "NOTES.md"), "mine");
    await referenceApp().publish({ target: "compose", outputDir, env: {} });
    expect(readFileSync(path.join(outputDir, "NOTES.md"), "utf8")).toBe("mine");
    const manifest = JSON.parse(readFileSync(path.join(outputDir, ".bosun-publish"), "utf8")) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toContain("docker-compose.yaml");
    expect(Object.keys(manifest.files)).not.toContain("NOTES.md");
  });

  it("refuses to replace a file it did not write, and writes nothing", async () => {
    const outputDir = scratch();
    writeFileSync(path.join(outputDir, "docker-compose.yaml"), "services: {}\n");
    await expect(referenceApp().publish({ target: "compose", outputDir, env: {} })).rejects.toThrow(
      /publish stopped before writing into .*:\n {2}- docker-compose\.yaml was not written by bosun\nmove those files away/,
    );
    expect(readdirSync(outputDir)).toEqual(["docker-compose.yaml"]);
    expect(readFileSync(path.join(outputDir, "docker-compose.yaml"), "utf8")).toBe("services: {}\n");
  });

  it("refuses to replace a file it wrote that was edited since", async () => {
    const outputDir = scratch();
    await referenceApp().publish({ target: "compose", outputDir, env: {} });
    writeFileSync(path.join(outputDir, "docker-compose.yaml"), "# my edit\n", { flag: "a" });
    await expect(referenceApp().publish({ target: "compose", outputDir, env: {} })).rejects.toThrow("docker-compose.yaml was changed since bosun wrote it");
  });

  it("removes the files of an earlier publish that are no longer produced, and only those", async () => {
    const outputDir = scratch();
    await referenceApp().publish({ target: "compose", outputDir, env: {} });
    expect(existsSync(path.join(outputDir, "gateway/Dockerfile"))).toBe(true);
    mkdirSync(path.join(outputDir, "gateway/local"), { recursive: true });
    writeFileSync(path.join(outputDir, "gateway/local/keep.txt"), "mine");
    const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName: "shop" });
    builder.addRedis("cache");
    const result = await builder.build().publish({ target: "compose", outputDir, env: {} });
    expect(result.removed).toContain("gateway/Dockerfile");
    expect(existsSync(path.join(outputDir, "gateway/Dockerfile"))).toBe(false);
    expect(readFileSync(path.join(outputDir, "gateway/local/keep.txt"), "utf8")).toBe("mine");
  });

  it("defaults to publish/<target> in the AppHost's folder", async () => {
    const appHostDirectory = scratch();
    const builder = createBuilder({ appHostDirectory, appName: "tiny" });
    builder.addRedis("cache");
    const result = await builder.build().publish({ target: "swarm", env: {} });
    expect(result.outputDirectory).toBe(path.join(appHostDirectory, "publish", "swarm"));
    expect(existsSync(path.join(appHostDirectory, "publish/swarm/stack.yaml"))).toBe(true);
  });
});

describe("publish --strict", () => {
  it("fails listing what the target cannot express, and writes nothing", async () => {
    const outputDir = scratch();
    const error = await everyFeatureApp()
      .publish({ target: "compose", outputDir, env: {}, strict: true })
      .catch((e: unknown) => e as Error);
    expect((error as Error).message).toMatch(/^publish --strict: the compose target cannot express 5 thing\(s\) in this model; nothing was written:\n/);
    expect((error as Error).message).toContain("  - COMPOSE_EXIT_CODE: 'api' waits for 'seed' to exit with 3");
    expect(readdirSync(outputDir)).toEqual([]);
  });

  it("passes when there is nothing the target cannot express", async () => {
    const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName: "tiny" });
    builder.addRedis("cache").withDataVolume();
    const outputDir = scratch();
    await expect(builder.build().publish({ target: "compose", outputDir, env: {}, strict: true })).resolves.toMatchObject({ warnings: [] });
  });
});
