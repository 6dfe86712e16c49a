import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import type { NodeAppResource } from "../model/node-app-resource.js";
import type { Orchestrator } from "../orchestrator/orchestrator.js";
import { fakeOrchestrator, stopAfterEach, within } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";
import { batchChanges } from "./debounce.js";
import { watchApps } from "./watch-apps.js";
import { isIgnoredChange } from "./watch-filter.js";
import { watchedFoldersOf } from "./watched-folders.js";
import type { TreeWatch } from "./watch-tree.js";

const { track } = stopAfterEach();
const closing: TreeWatch[] = [];
afterEach(() => closing.splice(0).forEach((w) => w.close()));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("isIgnoredChange", () => {
  it("keeps sources and leaves out dependencies, build output, dot-folders and editor files", () => {
    const kept = ["src/index.ts", "package.json", "src/routes/users.ts", "views/home.html"];
    const ignored = ["node_modules/fastify/index.js", "dist/index.js", ".next/server/page.js", ".git/index", "src/.index.ts.swp", "src/index.ts~", "4913", "coverage/lcov.info"];
    expect(kept.filter(isIgnoredChange)).toEqual([]);
    expect(ignored.filter((p) => !isIgnoredChange(p))).toEqual([]);
  });
});

describe("batchChanges", () => {
  it("delivers a burst of changes once, after the quiet time, each path once", async () => {
    const batches: (readonly string[])[] = [];
    const batcher = batchChanges(40, (paths) => batches.push(paths));
    for (const file of ["a.ts", "b.ts", "a.ts"]) {
      batcher.add(file);
      await sleep(10);
    }
    expect(batches).toEqual([]);
    await sleep(80);
    batcher.add("c.ts");
    await sleep(80);
    expect(batches).toEqual([["a.ts", "b.ts"], ["c.ts"]]);
  });
});

describe("watchedFoldersOf", () => {
  it("adds the workspace packages an app depends on, transitively, and nothing else", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "bosun-ws-"));
    const pkg = (folder: string, json: object) => {
      mkdirSync(path.join(root, folder), { recursive: true });
      writeFileSync(path.join(root, folder, "package.json"), JSON.stringify(json));
    };
    pkg(".", { name: "ws", workspaces: ["packages/*", "apps/api"] });
    pkg("apps/api", { name: "api", dependencies: { "@x/lib": "1.0.0", fastify: "^5" } });
    pkg("packages/lib", { name: "@x/lib", dependencies: { "@x/core": "1.0.0" } });
    pkg("packages/core", { name: "@x/core" });
    pkg("packages/unused", { name: "@x/unused" });

    expect(watchedFoldersOf(path.join(root, "apps/api"))).toEqual(["apps/api", "packages/lib", "packages/core"].map((f) => path.join(root, f)));
  });
});

describe("watchApps", () => {
  function setUp() {
    const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-watch-"));
    mkdirSync(path.join(folder, "src"));
    mkdirSync(path.join(folder, "node_modules"));
    writeFileSync(path.join(folder, "src", "index.ts"), "v1");
    const fake = new FakeRuntime({ target: "host" });
    const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost") });
    const api = builder.addNodeApp("api", folder, "src/index.ts").withWatch();
    builder.addExecutable("web", "web", ".").waitFor(api);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const messages: string[] = [];
    return { folder, fake, orchestrator, messages, resource: api.resource };
  }

  async function watch(orchestrator: Orchestrator, resource: NodeAppResource, messages: string[]) {
    const app = { restartResource: (name: string, why: string) => orchestrator.restartResource(name, why), events: (signal?: AbortSignal) => orchestrator.states.events(signal) };
    const watching = await watchApps({ app, resources: [resource], onMessage: (m) => messages.push(m), quietMs: 50 });
    closing.push(watching);
  }

  const starts = (fake: FakeRuntime, name: string) => fake.describe().filter((e) => e === `started:${name}`).length;

  it("restarts the app once per save, says why, ignores node_modules, and leaves its dependent running", async () => {
    const { folder, fake, orchestrator, messages, resource } = setUp();
    await within(orchestrator.start(), 2_000, "start()");
    await watch(orchestrator, resource, messages);

    writeFileSync(path.join(folder, "node_modules", "x.js"), "ignored");
    await sleep(150);
    expect(starts(fake, "api")).toBe(1);
    writeFileSync(path.join(folder, "src", "index.ts"), "v2");
    writeFileSync(path.join(folder, "src", "index.ts"), "v2!");
    await within(orchestrator.states.when("api", (s) => (s.restarts === 1 && s.health === "Healthy" ? true : undefined)), 2_000, "api restarted");

    expect(messages).toEqual([`api: restarting: ${path.join("src", "index.ts")} changed`]);
    expect([starts(fake, "api"), starts(fake, "web")]).toEqual([2, 1]);
  });

  it("leaves an app that crashes after a change alone until the next change", async () => {
    const { folder, fake, orchestrator, messages, resource } = setUp();
    await within(orchestrator.start(), 2_000, "start()");
    await watch(orchestrator, resource, messages);

    fake.script("api", { exitAfterMs: 5, exitCode: 1 });
    writeFileSync(path.join(folder, "src", "index.ts"), "syntax error(");
    await within(orchestrator.states.when("api", (s) => (s.state === "Exited" ? true : undefined)), 2_000, "api to crash");
    await sleep(300);
    expect(starts(fake, "api")).toBe(2);
    expect(orchestrator.states.get("api")).toMatchObject({ state: "Exited", reason: "exited with code 1" });
    expect(messages.at(-1)).toBe("api: exited with code 1; its output above shows why; it restarts on the next change");

    fake.script("api", {});
    writeFileSync(path.join(folder, "src", "index.ts"), "fixed");
    await within(orchestrator.states.when("api", (s) => (s.restarts === 2 && s.state === "Running" && s.health === "Healthy" ? true : undefined)), 2_000, "api back");
    expect(starts(fake, "web")).toBe(1);
  });
});
