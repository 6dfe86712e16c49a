import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { restoreOrder } from "./restore-order.js";
import { selectVolumeResources } from "./select-resources.js";
import { checkSnapshotName, defaultSnapshotName } from "./snapshot-paths.js";
import { formatBytes } from "./snapshot-metadata.js";

function model() {
  const builder = createBuilder({ appHostDirectory: "/tmp/shop/apphost", appName: "shop" });
  const db = builder.addContainer("db", "postgres:17.6").withEndpoint({ name: "tcp", targetPort: 5432 }).withVolume("shop-db-data", "/var/lib/postgresql/data");
  builder.addContainer("cache", "redis:8.6").withVolume("shop-cache-data", "/data");
  const api = builder.addExecutable("api", "node", ".", ["api.js"]).waitFor(db);
  builder.addExecutable("web", "node", ".", ["web.js"]).waitFor(api);
  builder.addContainer("mail", "mailpit:1");
  return builder.build().resources;
}

describe("which resources snapshot and restore work on", () => {
  it("takes every container with a named volume by default, or those named", () => {
    expect(selectVolumeResources(model(), undefined, "snapshot").map((r) => r.name)).toEqual(["db", "cache"]);
    expect(selectVolumeResources(model(), ["cache", "cache"], "snapshot").map((r) => r.name)).toEqual(["cache"]);
  });

  it("refuses a resource without a volume and an unknown one, naming those that have volumes", () => {
    expect(() => selectVolumeResources(model(), ["mail"], "snapshot")).toThrow("snapshot: 'mail' has no named data volume (add .withDataVolume() to it); the resources with data volumes are: db, cache");
    expect(() => selectVolumeResources(model(), ["dbb"], "restore")).toThrow("restore: there is no resource 'dbb'; the resources with data volumes are: db, cache");
  });

  it("stops the dependents of a restored resource first, transitively, and nothing else", () => {
    const resources = model();
    const db = resources.find((r) => r.name === "db")!;
    expect(restoreOrder(resources, [db]).map((r) => r.name)).toEqual(["web", "api", "db"]);
  });
});

describe("snapshot names and sizes", () => {
  it("names a snapshot by the time in UTC by default and accepts only folder-safe names", () => {
    expect(defaultSnapshotName(new Date("2026-11-29T13:05:00.123Z"))).toBe("2026-11-29T13-05-00Z");
    expect(checkSnapshotName("before-migration.1")).toBe("before-migration.1");
    expect(() => checkSnapshotName("../escape")).toThrow("snapshot name '../escape' is not usable as a folder name");
  });

  it("prints sizes in decimal units", () => {
    expect([12, 1_500, 640_000, 12_345_678].map(formatBytes)).toEqual(["12 B", "1.5 kB", "640 kB", "12.3 MB"]);
  });
});
