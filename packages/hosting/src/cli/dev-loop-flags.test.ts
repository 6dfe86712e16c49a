import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { applyDevLoopFlags } from "./dev-loop-flags.js";

function model() {
  const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
  builder.addNodeApp("api", "../api", "src/index.ts").withWatch();
  builder.addNodeApp("worker", "../worker", "src/worker.ts");
  builder.addNpmApp("frontend", "../frontend", "dev");
  return builder.resources;
}

const annotated = (resources: ReturnType<typeof model>, type: "watch" | "inspect") => resources.filter((r) => r.lastAnnotationOf(type)).map((r) => r.name);

describe("applyDevLoopFlags", () => {
  it("watches the apps marked withWatch(), or every Node app with --watch (npm apps run their own dev server)", () => {
    expect(applyDevLoopFlags(model(), {}).map((r) => r.name)).toEqual(["api"]);
    expect(applyDevLoopFlags(model(), { watch: true }).map((r) => r.name)).toEqual(["api", "worker"]);
  });

  it("inspects every Node app with --inspect, or the named ones, and names the choices for a wrong name", () => {
    const all = model();
    applyDevLoopFlags(all, { inspect: true });
    expect(annotated(all, "inspect")).toEqual(["api", "worker"]);
    const some = model();
    applyDevLoopFlags(some, { inspect: ["worker"] });
    expect(annotated(some, "inspect")).toEqual(["worker"]);
    expect(() => applyDevLoopFlags(model(), { inspect: ["frontend"] })).toThrow(
      "--inspect=frontend: 'frontend' is not a Node app of this AppHost; the Node apps are api, worker (npm apps: pass --inspect in their dev script)",
    );
  });

  it("refuses withWatch() on an npm app, pointing to its dev server", () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const frontend = builder.addNpmApp("frontend", "../frontend", "dev");
    expect(() => (frontend as unknown as { withWatch(): void }).withWatch()).toThrow("applies to Node apps (addNodeApp; an npm app runs its framework's own dev server)");
  });
});
