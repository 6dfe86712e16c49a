import { describe, expect, it } from "vitest";
import { formatEngineEndpoint, parseDockerHost } from "./engine-endpoint.js";

describe("parseDockerHost", () => {
  it.each([
    ["unix:///var/run/docker.sock", { kind: "unix", socketPath: "/var/run/docker.sock" }],
    ["unix://", { kind: "unix", socketPath: "/var/run/docker.sock" }],
    ["tcp://127.0.0.1:2375", { kind: "tcp", host: "127.0.0.1", port: 2375 }],
    ["tcp://engine.example.com", { kind: "tcp", host: "engine.example.com", port: 2375 }],
    ["http://localhost:2375", { kind: "tcp", host: "localhost", port: 2375 }],
    ["localhost:2375", { kind: "tcp", host: "localhost", port: 2375 }],
    ["tcp://[::1]:2375", { kind: "tcp", host: "::1", port: 2375 }],
  ])("reads %s", (address, endpoint) => {
    expect(parseDockerHost(address)).toEqual(endpoint);
  });

  it("defaults to port 2376 with TLS", () => {
    const tls = { certDir: "/certs", verify: true };
    expect(parseDockerHost("tcp://engine.example.com", tls)).toEqual({ kind: "tcp", host: "engine.example.com", port: 2376, tls });
  });

  it("rejects schemes it cannot talk to", () => {
    expect(() => parseDockerHost("npipe:////./pipe/docker_engine")).toThrowErrorMatchingInlineSnapshot(
      `[BosunError: 'npipe:////./pipe/docker_engine' uses npipe://, which bosun does not support; use unix:// or tcp://]`,
    );
  });
});

describe("formatEngineEndpoint", () => {
  it("writes addresses the way DOCKER_HOST takes them", () => {
    expect(formatEngineEndpoint({ kind: "unix", socketPath: "/x.sock" })).toBe("unix:///x.sock");
    expect(formatEngineEndpoint({ kind: "tcp", host: "::1", port: 2375 })).toBe("tcp://[::1]:2375");
    expect(formatEngineEndpoint({ kind: "tcp", host: "h", port: 2376, tls: { certDir: "/c", verify: true } })).toBe(
      "tcp://h:2376 (TLS)",
    );
  });
});
