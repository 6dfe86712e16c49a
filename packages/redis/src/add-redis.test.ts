import {
  createBuilder,
  createManifestResolver,
  createRuntimeResolver,
  imageReferenceOf,
  ParameterResource,
  renderArgs,
  renderEnvironment,
  staticRuntimeValues,
} from "@bosun/hosting";
import { describe, expect, it } from "vitest";
import { problemsOf } from "../../../test/support/validation-problems.js";
import { redis, RedisResource, REDIS_DATA_PATH } from "./index.js";

function newBuilder() {
  return createBuilder({ appHostDirectory: "/tmp/x/apphost" }).use(redis);
}

/** cache published on 6381 (6379 inside its container). */
function shop(password = "pw") {
  const builder = newBuilder();
  const cache = builder.addRedis("cache").withHostPort(6381);
  const runtime = staticRuntimeValues(
    { "cache/tcp": { scheme: "tcp", hostPort: 6381, targetPort: 6379, containerHost: "cache" } },
    { "cache-password": password },
  );
  return { builder, cache, runtime };
}

describe("addRedis", () => {
  it("adds the official image on 6379, started with a generated secret password", () => {
    const { builder, cache, runtime } = shop();
    expect(cache.resource).toBeInstanceOf(RedisResource);
    expect(imageReferenceOf(cache.resource)).toBe("docker.io/library/redis:8.6");
    expect(cache.resource.annotationsOf("endpoint").map(({ name, port, targetPort }) => ({ name, port, targetPort }))).toEqual([{ name: "tcp", port: 6381, targetPort: 6379 }]);
    const password = builder.resources.find((r) => r.name === "cache-password");
    expect(password).toBeInstanceOf(ParameterResource);
    expect(password).toMatchObject({ secret: true, generate: { minLength: 22 } });
    expect(renderArgs(cache.resource, createRuntimeResolver("container", runtime))).toEqual(["redis-server", "--requirepass", "pw"]);
    expect(cache.resource.annotationsOf("health-check").map((a) => a.check.name)).toEqual(["redis"]);
  });

  it("uses the password parameter and host port it is given", () => {
    const builder = newBuilder();
    const password = builder.addParameter("redis-pass", { secret: true });
    const cache = builder.addRedis("cache", { password, port: 6390 });
    expect(cache.resource.password).toBe(password.resource);
    expect(cache.resource.annotationsOf("endpoint")[0]?.port).toBe(6390);
    expect(builder.resources.map((r) => r.name)).toEqual(["redis-pass", "cache"]);
  });

  it("withPassword after addRedis puts the new parameter in --requirepass, the probe's REDISCLI_AUTH and the connection string", () => {
    const { builder, cache } = shop();
    const password = builder.addParameter("cache-pass", { secret: true });
    cache.withPassword(password);
    expect(cache.resource.password).toBe(password.resource);
    expect(renderArgs(cache.resource, createManifestResolver())).toEqual(["redis-server", "--requirepass", "{cache-pass.value}"]);
    const check = cache.resource.annotationsOf("health-check")[0]?.check;
    expect(check?.kind === "probe" ? check.publishedCheck?.environment?.["REDISCLI_AUTH"] : undefined).toBe(password.resource);
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(cache);
    expect(renderEnvironment(api.resource, createManifestResolver()).ConnectionStrings__cache).toBe("redis://:{cache-pass.value}@{cache.bindings.tcp.host}:{cache.bindings.tcp.port}");
    expect(() => builder.build()).not.toThrow();
    expect(problemsOf(() => (cache as unknown as { withPassword(value: unknown): unknown }).withPassword("hunter2"))).toEqual([
      `resource 'cache': .withPassword(…) expects the password as a parameter's builder (what builder.addParameter(…) returned), got "hunter2" (a string); e.g. .withPassword(builder.addParameter("cache-pass", { secret: true }))`,
    ]);
  });

  it("keeps the password placeholder, not the value, in the manifest args", () => {
    const { cache } = shop();
    expect(renderArgs(cache.resource, createManifestResolver())).toEqual(["redis-server", "--requirepass", "{cache-password.value}"]);
  });
});

describe("withPersistence and withDataVolume", () => {
  it("snapshots on the interval and key count it is given", () => {
    const { cache, runtime } = shop();
    cache.withPersistence(30, 10);
    expect(renderArgs(cache.resource, createRuntimeResolver("container", runtime))).toEqual(["redis-server", "--requirepass", "pw", "--save", "30", "10"]);
  });

  it("mounts a data volume at /data and turns on snapshots", () => {
    const { builder, cache, runtime } = shop();
    cache.withDataVolume();
    expect(cache.resource.annotationsOf("mount")).toEqual([
      { type: "mount", kind: "volume", source: `x-${builder.appHost.id}-cache-data`, target: REDIS_DATA_PATH, readOnly: false },
    ]);
    expect(renderArgs(cache.resource, createRuntimeResolver("container", runtime))).toEqual(["redis-server", "--requirepass", "pw", "--save", "60", "1"]);
  });

  it("keeps the user's snapshot setting when a data volume is added after it", () => {
    const { cache, runtime } = shop();
    cache.withPersistence(5, 1).withDataVolume("cache-data");
    expect(renderArgs(cache.resource, createRuntimeResolver("container", runtime))).toEqual(["redis-server", "--requirepass", "pw", "--save", "5", "1"]);
    expect(cache.resource.annotationsOf("mount")[0]?.source).toBe("cache-data");
  });
});

describe("withReference to Redis", () => {
  it("injects redis://:password@localhost:<host port> and its parts for a host process", () => {
    const { builder, cache, runtime } = shop();
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(cache);
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", runtime))).toEqual({
      ConnectionStrings__cache: "redis://:pw@localhost:6381",
      CACHE_HOST: "localhost",
      CACHE_PORT: "6381",
      CACHE_PASSWORD: "pw",
      CACHE_URI: "redis://:pw@localhost:6381",
    });
  });

  it("injects the container name and port 6379 for a container on the app network", () => {
    const { builder, cache, runtime } = shop();
    const worker = builder.addContainer("worker", "acme/worker").withReference(cache);
    expect(renderEnvironment(worker.resource, createRuntimeResolver("container", runtime))).toEqual({
      ConnectionStrings__cache: "redis://:pw@cache:6379",
      CACHE_HOST: "cache",
      CACHE_PORT: "6379",
      CACHE_PASSWORD: "pw",
      CACHE_URI: "redis://:pw@cache:6379",
    });
  });

  it("percent-encodes a password with @ and / in the URI", () => {
    const { builder, cache, runtime } = shop("a@b/c");
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(cache);
    const env = renderEnvironment(api.resource, createRuntimeResolver("host", runtime));
    expect(env.ConnectionStrings__cache).toBe("redis://:a%40b%2Fc@localhost:6381");
    expect(env.CACHE_PASSWORD).toBe("a@b/c");
    expect(decodeURIComponent(new URL(env.CACHE_URI ?? "").password)).toBe("a@b/c");
  });

  it("writes placeholders into the manifest", () => {
    const { builder, cache } = shop();
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(cache);
    expect(renderEnvironment(api.resource, createManifestResolver()).ConnectionStrings__cache).toBe("redis://:{cache-password.value}@{cache.bindings.tcp.host}:{cache.bindings.tcp.port}");
  });
});

describe("mistakes in a Redis model", () => {
  /** What a JavaScript caller without types can pass: anything. */
  type Untyped = any;

  it("reports a bad name once, not again for the generated '<name>-password' parameter", () => {
    const builder = newBuilder();
    builder.addRedis("my cache!");
    expect(problemsOf(() => builder.build())).toMatchInlineSnapshot(`
      [
        "resource name 'my cache!' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'my-cache')",
      ]
    `);
  });

  it("rejects a password that is not a parameter's builder, an unknown option and bad persistence", () => {
    const builder: Untyped = newBuilder();
    const problems = [
      ...problemsOf(() => builder.addRedis("cache", { password: "hunter2" })),
      ...problemsOf(() => builder.addRedis("cache", { hostPort: 6380 })),
      ...problemsOf(() => builder.addRedis("cache").withPersistence("60")),
    ];
    const persisted = newBuilder();
    persisted.addRedis("cache").withPersistence(0, -1);
    problems.push(...problemsOf(() => persisted.build()));
    expect(problems).toMatchInlineSnapshot(`
      [
        "builder.addRedis(…) expects option 'password' as a parameter's builder (what builder.addParameter(…) returned) (or nothing), got "hunter2" (a string); e.g. builder.addRedis("cache", { port: 6380 })",
        "builder.addRedis(…) has no option 'hostPort' (it would be ignored); its options are 'password', 'port'; e.g. builder.addRedis("cache", { port: 6380 })",
        "resource 'cache': .withPersistence(…) expects the interval in seconds as a number, got "60" (a string); e.g. .withPersistence(30, 10)",
        "resource 'cache' snapshots every 0 s after -1 changes; use whole numbers, at least 1 second, e.g. .withPersistence(60, 1)",
      ]
    `);
  });
});
