import { describe, expect, it } from "vitest";
import { differencesOf, resourceModelOf } from "./model-record.js";

describe("the model a snapshot records", () => {
  it("keeps a resource's volumes by mount path only, so a fresh volume of another name matches", () => {
    const manifest = (volume: string) => ({
      $schema: "bosun-manifest/v0",
      resources: { db: { type: "container.v0", image: "postgres:17.6", volumes: [{ name: volume, target: "/data", readOnly: false }] } },
    });
    expect(differencesOf(resourceModelOf(manifest("shop-1-db-data"), "db"), resourceModelOf(manifest("other-2-db-data"), "db"))).toEqual([]);
  });

  it("names each path that differs, down to the variable", () => {
    const recorded = { type: "container.v0", image: "postgres:17.6", env: { POSTGRES_USER: "postgres", LANG: "C" } };
    const current = { type: "container.v0", image: "postgres:18.0", env: { POSTGRES_USER: "admin", LANG: "C" }, args: ["-c", "fsync=off"] };
    expect(differencesOf(recorded, current)).toEqual(["args", "env.POSTGRES_USER", "image"]);
  });

  it("marks a resource the model no longer has", () => {
    expect(resourceModelOf({ $schema: "bosun-manifest/v0", resources: {} }, "db")).toEqual({ type: "missing" });
  });
});
