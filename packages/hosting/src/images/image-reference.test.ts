import { describe, expect, it } from "vitest";
import { BosunError } from "../errors/bosun-error.js";
import { parseImageReference } from "./image-reference.js";

describe("parseImageReference", () => {
  it("normalizes an official image to docker.io/library", () => {
    const ref = parseImageReference("postgres:17.6");
    expect({ ...ref }).toEqual({ registry: "docker.io", repository: "library/postgres", tag: "17.6", digest: undefined });
    expect(ref.format()).toBe("docker.io/library/postgres:17.6");
    expect(ref.name).toBe("docker.io/library/postgres");
  });

  it.each([
    ["redis", "docker.io/library/redis:latest"],
    ["dpage/pgadmin4", "docker.io/dpage/pgadmin4:latest"],
    ["docker.io/library/rabbitmq:4.2-management", "docker.io/library/rabbitmq:4.2-management"],
    ["index.docker.io/library/redis:8.6", "docker.io/library/redis:8.6"],
    ["docker.io/redis:8.6", "docker.io/library/redis:8.6"],
    ["localhost:5000/shop/api:1", "localhost:5000/shop/api:1"],
    ["localhost/api", "localhost/api:latest"],
    ["mirror.example.com/dockerhub/library/postgres:17.6", "mirror.example.com/dockerhub/library/postgres:17.6"],
    ["bosun-offline/postgres:15", "docker.io/bosun-offline/postgres:15"],
  ])("normalizes %s to %s", (input, expected) => {
    expect(parseImageReference(input).format()).toBe(expected);
  });

  it("keeps a digest and adds no default tag next to it", () => {
    const digest = `sha256:${"a".repeat(64)}`;
    const ref = parseImageReference(`postgres@${digest}`);
    expect(ref.tag).toBeUndefined();
    expect(ref.digest).toBe(digest);
    expect(ref.format()).toBe(`docker.io/library/postgres@${digest}`);
    expect(parseImageReference(`postgres:17@${digest}`).format()).toBe(`docker.io/library/postgres:17@${digest}`);
  });

  it("tells a registry port apart from a tag", () => {
    const ref = parseImageReference("registry.example.com:5000/team/app");
    expect(ref.registry).toBe("registry.example.com:5000");
    expect(ref.repository).toBe("team/app");
    expect(ref.tag).toBe("latest");
  });

  it.each([
    ["", "invalid image reference '': it is empty"],
    ["Postgres:17", "invalid image reference 'Postgres:17': 'Postgres' must be lowercase letters, digits and separators (. _ -)"],
    ["postgres:", "invalid image reference 'postgres:': '' is not a valid tag"],
    ["postgres@sha256:abc", "invalid image reference 'postgres@sha256:abc': 'sha256:abc' is not a digest"],
    ["registry.example.com/", "invalid image reference 'registry.example.com/': the repository name is missing"],
  ])("rejects %j with a message that quotes it", (input, message) => {
    const error = (() => {
      try {
        parseImageReference(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BosunError);
    expect((error as BosunError).code).toBe("VALIDATION");
    expect((error as Error).message).toBe(message);
  });
});
