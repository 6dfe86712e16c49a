import { describe, expect, it } from "vitest";
import { createBuilder } from "../../app/distributed-application-builder.js";
import type { ContainerResource } from "../../model/container-resource.js";
import type { SessionInfo, StartRequest } from "../resource-runtime.js";
import { defineContainer } from "./container-definition.js";
import { LABEL } from "./docker-labels.js";

const builder = createBuilder({ appHostDirectory: "/srv/shop/apphost" });

function session(id: string, pid: number): SessionInfo {
  return { appHost: builder.appHost, id, pid };
}

function request(resource: ContainerResource, env: Record<string, string> = { MODE: "a" }): StartRequest<ContainerResource> {
  return { resource, env, args: ["redis-server"], endpoints: new Map(), onLog: () => {}, signal: new AbortController().signal };
}

function define(resource: ContainerResource, s: SessionInfo, env?: Record<string, string>) {
  return defineContainer({ request: request(resource, env), session: s, image: "bosun-offline/redis:7", network: `bosun-shop-${s.id}`, host: "dev-box" });
}

describe("the container definition and its configuration hash", () => {
  const cache = builder.addContainer("cache", "redis:8.6").withEndpoint({ targetPort: 6379 }).withVolume("cache-data", "/data").withLifetime("persistent");

  it("labels the container with the app, session, process, host, resource, lifetime and hash", () => {
    const { spec, configHash } = define(cache.resource, session("aaa111", 100));
    expect(spec.name).toBe(`cache-${builder.appHost.id}`);
    expect(spec.labels).toEqual({
      [LABEL.app]: `shop-${builder.appHost.id}`,
      [LABEL.session]: "aaa111",
      [LABEL.pid]: "100",
      [LABEL.host]: "dev-box",
      [LABEL.resource]: "cache",
      [LABEL.lifetime]: "persistent",
      [LABEL.configHash]: configHash,
    });
    expect(spec).toMatchObject({
      hostname: "cache",
      network: { name: "bosun-shop-aaa111", aliases: ["cache"] },
      extraHosts: ["host.docker.internal:host-gateway"],
      ports: [{ containerPort: 6379, hostIp: "127.0.0.1" }],
      mounts: [{ type: "volume", source: "cache-data", target: "/data", readOnly: false }],
    });
  });

  it("stays the same across sessions, processes and the order of environment variables", () => {
    const first = define(cache.resource, session("aaa111", 100), { A: "1", B: "2" });
    const second = define(cache.resource, session("bbb222", 200), { B: "2", A: "1" });
    expect(second.configHash).toBe(first.configHash);
  });

  it("changes with the environment, the image's arguments or a fixed host port", () => {
    const base = define(cache.resource, session("aaa111", 100)).configHash;
    expect(define(cache.resource, session("aaa111", 100), { MODE: "b" }).configHash).not.toBe(base);
    const other = builder.addContainer("cache2", "redis:8.6").withEndpoint({ targetPort: 6379 }).withHostPort(6390);
    const withPort = defineContainer({ request: request(other.resource), session: session("aaa111", 100), image: "x:1", network: "n" });
    const withoutPort = defineContainer({
      request: request(builder.addContainer("cache2", "redis:8.6").withEndpoint({ targetPort: 6379 }).resource),
      session: session("aaa111", 100),
      image: "x:1",
      network: "n",
    });
    expect(withPort.configHash).not.toBe(withoutPort.configHash);
  });

  it("names session containers after the session and honours withContainerName", () => {
    const plain = builder.addContainer("worker", "busybox:1");
    expect(define(plain.resource, session("ccc333", 1)).spec.name).toBe("worker-ccc333");
    plain.withContainerName("my-worker");
    expect(define(plain.resource, session("ccc333", 1)).spec.name).toBe("my-worker");
  });
});
