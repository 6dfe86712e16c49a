import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBuilder } from "../../app/distributed-application-builder.js";
import { runCommandLine } from "../command-line.js";

const folders: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true }));
});

async function commandLine(...argv: string[]) {
  const builder = createBuilder({ appHostDirectory: "/tmp/shop/apphost", appName: "shop" });
  builder.addContainer("cache", "redis:8.6").withEndpoint({ name: "tcp", targetPort: 6379 }).withVolume("cache-data", "/data");
  builder.addExecutable("tool", "make", ".");
  const printed: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((text) => printed.push(String(text)) > 0);
  const err: string[] = [];
  const code = await runCommandLine(builder.build(), argv, { name: "npx tsx apphost/index.ts", output: { out: (t) => printed.push(t), err: (t) => err.push(t) } });
  return { code, out: printed.join(""), err: err.join("") };
}

describe("the publish command", () => {
  it("writes the target's files into --output and prints what it wrote and the warnings", async () => {
    const output = mkdtempSync(path.join(os.tmpdir(), "bosun-publish-cli-"));
    folders.push(output);
    const { code, out } = await commandLine("publish", "--target", "swarm", "--output", output);
    expect(code).toBe(0);
    expect(existsSync(path.join(output, "stack.yaml"))).toBe(true);
    expect(out).toContain(`published swarm to ${output}: 4 files written\n`);
    expect(out).toContain("warning RESOURCE_NOT_PUBLISHED: 'tool' (executable.v0) runs on the developer's machine only");
    expect(out).toContain("--strict makes them errors");
  });

  it("needs a target and knows only compose, swarm and kubernetes, as usage errors", async () => {
    expect(await commandLine("publish")).toMatchObject({ code: 2, err: expect.stringContaining("error: required option '--target <target>' not specified") });
    expect(await commandLine("publish", "--target", "helm")).toMatchObject({ code: 2, err: expect.stringContaining("Allowed choices are compose, swarm, kubernetes") });
  });

  it("writes Kubernetes manifests with the storage and Ingress options", async () => {
    const output = mkdtempSync(path.join(os.tmpdir(), "bosun-publish-cli-"));
    folders.push(output);
    const options = ["--storage-class", "fast", "--storage-size", "3Gi", "--ingress-class", "nginx", "--ingress-host", "shop.example.com"];
    const { code, out } = await commandLine("publish", "--target", "kubernetes", "--output", output, ...options);
    expect(code).toBe(0);
    expect(out).toContain(`published kubernetes to ${output}: 5 files written\n`);
    expect(readFileSync(path.join(output, "kustomization.yaml"), "utf8")).toContain("  - cache.yaml\n");
    expect(readFileSync(path.join(output, "cache.yaml"), "utf8")).toMatch(/kind: StatefulSet[\s\S]*storageClassName: fast\n\s+resources:\n\s+requests:\n\s+storage: 3Gi\n/);
  });

  it("fails with exit code 1 under --strict when the target cannot express the model", async () => {
    const output = mkdtempSync(path.join(os.tmpdir(), "bosun-publish-cli-"));
    folders.push(output);
    const { code, err } = await commandLine("publish", "--target", "compose", "--output", output, "--strict");
    expect(code).toBe(1);
    expect(err).toContain("publish --strict: the compose target cannot express 1 thing(s) in this model; nothing was written");
  });
});
