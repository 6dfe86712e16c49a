import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadImageSubstitution } from "./image-substitution.js";

const OFFLINE_MAP = {
  "docker.io/library/postgres": "bosun-offline/postgres:15",
  "redis:8.6": "bosun-offline/redis:7",
};

function load(env: Record<string, string>, cwd = "/nowhere") {
  return loadImageSubstitution({ env, cwd });
}

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("loadImageSubstitution", () => {
  it("leaves every image alone when neither variable is set", () => {
    const substitution = load({});
    expect(substitution.substitute("postgres:17.6")).toEqual({ image: "postgres:17.6" });
    expect(substitution.description).toBe("no image substitution");
  });

  it("maps a repository-only key for any tag and says why", () => {
    const substitution = load({ BOSUN_IMAGE_MAP: JSON.stringify(OFFLINE_MAP) });
    expect(substitution.substitute("docker.io/library/postgres:17.6")).toEqual({
      image: "bosun-offline/postgres:15",
      reason: "BOSUN_IMAGE_MAP entry 'docker.io/library/postgres' (any tag)",
    });
    expect(substitution.substitute("postgres:15-alpine").image).toBe("bosun-offline/postgres:15");
  });

  it("maps a key with a tag only for that tag", () => {
    const substitution = load({ BOSUN_IMAGE_MAP: JSON.stringify(OFFLINE_MAP) });
    expect(substitution.substitute("redis:8.6")).toEqual({
      image: "bosun-offline/redis:7",
      reason: "BOSUN_IMAGE_MAP entry 'docker.io/library/redis:8.6'",
    });
    expect(substitution.substitute("redis:7.4")).toEqual({ image: "redis:7.4" });
  });

  it("prefers an exact entry over a repository-only one", () => {
    const map = { postgres: "any-tag/postgres:1", "postgres:17.6": "exact/postgres:2" };
    const substitution = load({ BOSUN_IMAGE_MAP: JSON.stringify(map) });
    expect(substitution.substitute("postgres:17.6").image).toBe("exact/postgres:2");
    expect(substitution.substitute("postgres:16").image).toBe("any-tag/postgres:1");
  });

  it("reads the map from a file relative to cwd", () => {
    const dir = mkdtempSync(join(tmpdir(), "bosun-map-"));
    writeFileSync(join(dir, "map.json"), JSON.stringify(OFFLINE_MAP));
    const substitution = load({ BOSUN_IMAGE_MAP: "map.json" }, dir);
    expect(substitution.substitute("postgres").image).toBe("bosun-offline/postgres:15");
    expect(substitution.description).toBe(`BOSUN_IMAGE_MAP (2 entries from ${join(dir, "map.json")})`);
  });

  it("puts the mirror prefix in place of docker.io", () => {
    const substitution = load({ BOSUN_REGISTRY_MIRROR: "mirror.example.com/dockerhub/" });
    expect(substitution.substitute("postgres:17.6")).toEqual({
      image: "mirror.example.com/dockerhub/library/postgres:17.6",
      reason: "BOSUN_REGISTRY_MIRROR=mirror.example.com/dockerhub",
    });
    expect(substitution.substitute("dpage/pgadmin4").image).toBe("mirror.example.com/dockerhub/dpage/pgadmin4:latest");
  });

  it("leaves images of other registries alone when mirroring", () => {
    const substitution = load({ BOSUN_REGISTRY_MIRROR: "https://mirror.example.com" });
    expect(substitution.substitute("ghcr.io/acme/api:1")).toEqual({ image: "ghcr.io/acme/api:1" });
    expect(substitution.substitute("redis:8.6").image).toBe("mirror.example.com/library/redis:8.6");
  });

  it("applies the map before the mirror", () => {
    const substitution = load({
      BOSUN_IMAGE_MAP: JSON.stringify(OFFLINE_MAP),
      BOSUN_REGISTRY_MIRROR: "mirror.example.com/dockerhub",
    });
    expect(substitution.substitute("postgres:17.6").image).toBe("bosun-offline/postgres:15");
    expect(substitution.substitute("rabbitmq:4.2-management").image).toBe(
      "mirror.example.com/dockerhub/library/rabbitmq:4.2-management",
    );
  });

  it("names the variable and the path when the map file cannot be read", () => {
    expect(messageOf(() => load({ BOSUN_IMAGE_MAP: "/no/such/map.json" }))).toMatchInlineSnapshot(
      `"BOSUN_IMAGE_MAP points at '/no/such/map.json', which cannot be read (ENOENT); set it to a readable JSON file or to inline JSON like {"docker.io/library/postgres": "bosun-offline/postgres:15"}"`,
    );
  });

  it("names the variable when the map is not valid JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "bosun-map-"));
    writeFileSync(join(dir, "map.json"), "{ postgres: nope");
    expect(messageOf(() => load({ BOSUN_IMAGE_MAP: join(dir, "map.json") }))).toMatch(
      /^BOSUN_IMAGE_MAP \(file '.*map\.json'\) is not valid JSON \(.+\); expected an object like \{/,
    );
    expect(messageOf(() => load({ BOSUN_IMAGE_MAP: "{ nope" }))).toMatch(/^BOSUN_IMAGE_MAP \(inline JSON\) is not valid JSON/);
  });

  it("rejects a map that is not an object of image references", () => {
    expect(messageOf(() => load({ BOSUN_IMAGE_MAP: "[]" }))).toMatch(/^BOSUN_IMAGE_MAP \(inline JSON\) is not a JSON object;/);
    expect(messageOf(() => load({ BOSUN_IMAGE_MAP: '{"postgres": 15}' }))).toMatchInlineSnapshot(
      `"BOSUN_IMAGE_MAP (inline JSON) maps 'postgres' to 15, which is not an image reference; expected an object like {"docker.io/library/postgres": "bosun-offline/postgres:15"}"`,
    );
    expect(messageOf(() => load({ BOSUN_IMAGE_MAP: '{"Postgres": "x"}' }))).toMatchInlineSnapshot(
      `"BOSUN_IMAGE_MAP (inline JSON) has an invalid image reference 'Postgres': 'Postgres' must be lowercase letters, digits and separators (. _ -); expected an object like {"docker.io/library/postgres": "bosun-offline/postgres:15"}"`,
    );
  });

  it("rejects a mirror that is not a prefix", () => {
    expect(messageOf(() => load({ BOSUN_REGISTRY_MIRROR: "https://" }))).toMatchInlineSnapshot(
      `"BOSUN_REGISTRY_MIRROR='https://' is not a registry prefix; use a value like mirror.example.com/dockerhub"`,
    );
  });
});
