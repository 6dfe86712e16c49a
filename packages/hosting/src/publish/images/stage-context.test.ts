import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { dependencyClosure } from "./dependency-closure.js";
import { stageBuildContext } from "./stage-context.js";

const ROOT = fileURLToPath(new URL("../../../../../", import.meta.url)).replace(/\/$/, "");
const AUTH_API = join(ROOT, "examples/ecommerce/auth-api");
const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "bosun-stage-"));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("dependencyClosure of the reference auth-api", () => {
  const closure = dependencyClosure(ROOT, AUTH_API, ["tsx"]);
  const paths = closure.packages.map((pkg) => pkg.path);

  it("holds its runtime dependencies, transitively, and the workspace package it uses", () => {
    expect(paths).toEqual(expect.arrayContaining(["node_modules/pg", "node_modules/pg-protocol", "node_modules/fastify", "node_modules/tsx", "packages/service-defaults"]));
    expect(closure.packages.find((pkg) => pkg.path === "packages/service-defaults")?.workspace).toBe(true);
    expect(closure.links).toEqual([{ path: "node_modules/@bosun/service-defaults", target: "../../packages/service-defaults" }]);
  });

  it("leaves out devDependencies and what only they need", () => {
    expect(paths).not.toContain("packages/hosting");
    expect(paths).not.toContain("node_modules/vitest");
    expect(paths).not.toContain("node_modules/typescript");
  });
});

describe("dependencyClosure of a small workspace", () => {
  function workspace(appDependencies: Record<string, string>, optional: Record<string, string> = {}) {
    const root = tempDir();
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "ws", workspaces: ["apps/*"] }));
    mkdirSync(join(root, "apps/api"), { recursive: true });
    writeFileSync(join(root, "apps/api/package.json"), JSON.stringify({ name: "api", dependencies: appDependencies, optionalDependencies: optional }));
    const pkg = (path: string, manifest: object) => {
      mkdirSync(join(root, path), { recursive: true });
      writeFileSync(join(root, path, "package.json"), JSON.stringify(manifest));
    };
    pkg("node_modules/left", { name: "left", dependencies: { shared: "2" } });
    pkg("node_modules/shared", { name: "shared", version: "1.0.0" });
    pkg("node_modules/left/node_modules/shared", { name: "shared", version: "2.0.0" });
    return root;
  }

  it("resolves like Node: a nested copy wins over the hoisted one for the package that nests it", () => {
    const root = workspace({ left: "1", shared: "1" });
    const closure = dependencyClosure(root, join(root, "apps/api"));
    expect(closure.packages.map((pkg) => pkg.path)).toEqual(["node_modules/left", "node_modules/left/node_modules/shared", "node_modules/shared"]);
  });

  it("skips a missing optional dependency and names a missing required one, who needs it and the fix", () => {
    const root = workspace({ left: "1" }, { "fsevents-like": "1" });
    expect(dependencyClosure(root, join(root, "apps/api")).packages).toHaveLength(2);
    const broken = workspace({ absent: "1" });
    expect(() => dependencyClosure(broken, join(broken, "apps/api"))).toThrow(
      `'absent', a dependency of the app, is not installed under ${broken}; run npm install (or npm ci) in the workspace and publish again`,
    );
  });
});

describe("stageBuildContext", () => {
  it("stages the auth-api: app files, dependencies, the workspace member's built files, links kept", () => {
    const dir = tempDir();
    const staged = stageBuildContext({ contextDirectory: dir, workspaceRoot: ROOT, appDirectory: AUTH_API, extraPackages: ["tsx"], includeBinLinks: false });
    expect(existsSync(join(dir, "app/examples/ecommerce/auth-api/src/index.ts"))).toBe(true);
    expect(existsSync(join(dir, "app/examples/ecommerce/auth-api/node_modules"))).toBe(false);
    expect(existsSync(join(dir, "deps/node_modules/pg/package.json"))).toBe(true);
    expect(existsSync(join(dir, "deps/node_modules/vitest"))).toBe(false);
    expect(existsSync(join(dir, "workspace/packages/service-defaults/dist/index.js"))).toBe(true);
    expect(existsSync(join(dir, "workspace/packages/service-defaults/src"))).toBe(false);
    expect(existsSync(join(dir, "workspace/packages/service-defaults/dist/.tsbuildinfo"))).toBe(false); // "!dist/.tsbuildinfo" in files
    const link = join(dir, "deps/node_modules/@bosun/service-defaults");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("../../packages/service-defaults");
    expect(staged.files).toBeGreaterThan(100);
  });

  it("never stages an app's local .env files, and gives the same fingerprint for the same inputs", () => {
    const root = tempDir();
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "solo" }));
    writeFileSync(join(root, "index.js"), "console.log(1)");
    writeFileSync(join(root, ".env"), "SECRET=1");
    writeFileSync(join(root, ".env.local"), "SECRET=2");
    writeFileSync(join(root, ".env.example"), "SECRET=");
    const options = { workspaceRoot: root, appDirectory: root, extraPackages: [], includeBinLinks: false };
    const first = stageBuildContext({ ...options, contextDirectory: tempDir() });
    const dir = tempDir();
    const second = stageBuildContext({ ...options, contextDirectory: dir });
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(existsSync(join(dir, "app/index.js"))).toBe(true);
    expect(existsSync(join(dir, "app/.env.example"))).toBe(true);
    expect(existsSync(join(dir, "app/.env"))).toBe(false);
    expect(existsSync(join(dir, "app/.env.local"))).toBe(false);
  });
});
