import { staticRuntimeValues } from "./static-runtime-values.js";
import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { ValidationError } from "../errors/bosun-error.js";
import { ContainerResource, imageReferenceOf } from "./container-resource.js";
import { EndpointReference } from "./endpoint-reference.js";
import { renderArgs, renderEnvironment } from "./environment.js";
import { expr } from "./expression.js";
import type { ProbeContext } from "./health-check.js";
import type { ResourceWithDataPath } from "./resource.js";
import { defaultVolumeName } from "./resource-builder.js";
import { createManifestResolver, createRuntimeResolver } from "./value-resolver.js";

const APPHOST = "/tmp/x/apphost";

function newBuilder() {
  return createBuilder({ appHostDirectory: APPHOST });
}

const noRuntime = staticRuntimeValues({});

/** A container with a well-known data folder, as an integration would define one. */
class DataContainer extends ContainerResource implements ResourceWithDataPath {
  readonly dataPath = "/var/lib/data";
}

describe("withImage, withImageTag, withImageRegistry", () => {
  it("replaces the image, taking the tag from the argument over the one in the name", () => {
    const cache = newBuilder().addContainer("cache", "redis:7").withImage("valkey/valkey:8.0");
    expect(imageReferenceOf(cache.resource)).toBe("valkey/valkey:8.0");
    cache.withImage("valkey/valkey:8.0", "8.1");
    expect(imageReferenceOf(cache.resource)).toBe("valkey/valkey:8.1");
    cache.withImage("ghcr.io/acme/cache");
    expect(imageReferenceOf(cache.resource)).toBe("ghcr.io/acme/cache:latest");
  });

  it("changes only the tag and keeps the image and registry", () => {
    const cache = newBuilder().addContainer("cache", "redis:7").withImageRegistry("mirror.example.com").withImageTag("7.4-alpine");
    expect(cache.resource.lastAnnotationOf("container-image")).toEqual({
      type: "container-image",
      registry: "mirror.example.com",
      image: "redis",
      tag: "7.4-alpine",
    });
    expect(imageReferenceOf(cache.resource)).toBe("mirror.example.com/redis:7.4-alpine");
  });

  it("refuses to change the tag or registry of a container that has no image yet", () => {
    const builder = newBuilder();
    const bare = builder.addResource(new ContainerResource("bare"));
    expect(() => bare.withImageTag("1")).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: the application model has 1 problem:
        - resource 'bare': .withImageTag(…) needs an image to change, and 'bare' has none; give it one first; e.g. .withImage("redis", "7")]
    `);
    expect(() => bare.withImageRegistry("r.example.com")).toThrow(ValidationError);
    expect(() => imageReferenceOf(bare.resource)).toThrowErrorMatchingInlineSnapshot(`[Error: container resource 'bare' has no image]`);
  });
});

describe("withContainerName", () => {
  it("records the container name, and the last call wins", () => {
    const db = newBuilder().addContainer("db", "postgres:17").withContainerName("first").withContainerName("shop-db");
    expect(db.resource.lastAnnotationOf("container-name")).toEqual({ type: "container-name", name: "shop-db" });
  });
});

describe("withEnvironment", () => {
  it("sets literal values, rendering numbers and booleans as strings", () => {
    const api = newBuilder()
      .addNodeApp("api", "../api", "src/index.ts")
      .withEnvironment("LOG_LEVEL", "debug")
      .withEnvironment("WORKERS", 4)
      .withEnvironment("FEATURE_X", true);
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", noRuntime))).toEqual({ LOG_LEVEL: "debug", WORKERS: "4", FEATURE_X: "true" });
  });

  it("lets a later value override an earlier one of the same name", () => {
    const api = newBuilder().addNodeApp("api", "../api", "src/index.ts").withEnvironment("MODE", "a").withEnvironment("MODE", "b");
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", noRuntime))).toEqual({ MODE: "b" });
  });

  it("renders an expression for where the resource runs", () => {
    const builder = newBuilder();
    const search = builder.addContainer("search", "opensearch:2").withHttpEndpoint({ targetPort: 9200 });
    const endpoint = search.getEndpoint("http");
    const token = builder.addParameter("search-token", { secret: true }).resource;
    const value = expr`${endpoint.property("scheme")}://${endpoint.host}:${endpoint.port}/?token=${token}`;
    const worker = builder.addContainer("worker", "acme/worker:1").withEnvironment("SEARCH_URL", value);
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withEnvironment("SEARCH_URL", value);
    const runtime = staticRuntimeValues(
      { "search/http": { scheme: "http", hostPort: 49200, targetPort: 9200, containerHost: "search" } },
      { "search-token": "t0k" },
    );
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", runtime))).toEqual({ SEARCH_URL: "http://localhost:49200/?token=t0k" });
    expect(renderEnvironment(worker.resource, createRuntimeResolver("container", runtime))).toEqual({ SEARCH_URL: "http://search:9200/?token=t0k" });
    expect(renderEnvironment(api.resource, createManifestResolver())).toEqual({
      SEARCH_URL: "{search.bindings.http.scheme}://{search.bindings.http.host}:{search.bindings.http.port}/?token={search-token.value}",
    });
  });

  it("runs a callback that sees the render target and the variables set before it", () => {
    const builder = newBuilder();
    const seen: string[] = [];
    const api = builder
      .addNodeApp("api", "../api", "src/index.ts")
      .withEnvironment("BEFORE", "1")
      .withEnvironment(({ target, env }) => {
        seen.push(`${target}:${[...env.keys()].join(",")}`);
        env.set("RUNS_IN", target);
        env.delete("BEFORE");
      })
      .withEnvironment("AFTER", "2");
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", noRuntime))).toEqual({ RUNS_IN: "host", AFTER: "2" });
    expect(renderEnvironment(api.resource, createRuntimeResolver("container", noRuntime))).toEqual({ RUNS_IN: "container", AFTER: "2" });
    expect(seen).toEqual(["host:BEFORE", "container:BEFORE"]);
  });

  it("adds only annotations, so nothing runs until the environment is rendered", () => {
    let calls = 0;
    const api = newBuilder()
      .addNodeApp("api", "../api", "src/index.ts")
      .withEnvironment(() => {
        calls += 1;
      });
    expect(calls).toBe(0);
    expect(api.resource.annotationsOf("environment-callback")).toHaveLength(1);
  });
});

describe("withArgs", () => {
  it("appends arguments after the ones given when the resource was added, rendering parameters", () => {
    const builder = newBuilder();
    const key = builder.addParameter("key", { secret: true }).resource;
    const worker = builder.addExecutable("worker", "python3", "../worker", ["main.py"]).withArgs("--key", key).withArgs("--verbose");
    const runtime = staticRuntimeValues({}, { key: "k-1" });
    expect(renderArgs(worker.resource, createRuntimeResolver("host", runtime))).toEqual(["main.py", "--key", "k-1", "--verbose"]);
    expect(renderArgs(worker.resource, createManifestResolver())).toEqual(["main.py", "--key", "{key.value}", "--verbose"]);
  });

  it("passes container arguments as given", () => {
    const redis = newBuilder().addContainer("redis", "redis:7").withArgs("--appendonly", "yes");
    expect(renderArgs(redis.resource, createRuntimeResolver("container", noRuntime))).toEqual(["--appendonly", "yes"]);
  });
});

describe("withEndpoint and withHttpEndpoint", () => {
  it("defaults an endpoint to tcp, named after its scheme, with no ports fixed", () => {
    const mail = newBuilder().addContainer("mail", "axllent/mailpit").withEndpoint({ targetPort: 1025 });
    expect(mail.resource.annotationsOf("endpoint")).toEqual([
      { type: "endpoint", name: "tcp", scheme: "tcp", port: undefined, targetPort: 1025, env: undefined, hostIp: undefined },
    ]);
  });

  it("keeps every option of an endpoint", () => {
    const mail = newBuilder()
      .addContainer("mail", "axllent/mailpit")
      .withEndpoint({ name: "smtp", scheme: "smtp", port: 2525, targetPort: 1025, env: "SMTP_PORT", hostIp: "0.0.0.0" });
    expect(mail.resource.annotationsOf("endpoint")).toEqual([
      { type: "endpoint", name: "smtp", scheme: "smtp", port: 2525, targetPort: 1025, env: "SMTP_PORT", hostIp: "0.0.0.0" },
    ]);
  });

  it("declares an http endpoint named http unless named otherwise", () => {
    const web = newBuilder().addContainer("web", "nginx").withHttpEndpoint({ targetPort: 80 }).withHttpEndpoint({ name: "admin", targetPort: 8080, port: 8081 });
    expect(web.resource.annotationsOf("endpoint").map(({ name, scheme, port, targetPort }) => ({ name, scheme, port, targetPort }))).toEqual([
      { name: "http", scheme: "http", port: undefined, targetPort: 80 },
      { name: "admin", scheme: "http", port: 8081, targetPort: 8080 },
    ]);
  });

  it("tells a process the port to listen on through the variable named by env", () => {
    const api = newBuilder().addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ env: "PORT" });
    const runtime = staticRuntimeValues({ "api/http": { scheme: "http", hostPort: 5170, targetPort: 5170, containerHost: undefined } });
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", runtime))).toEqual({ PORT: "5170" });
    expect(renderEnvironment(api.resource, createManifestResolver())).toEqual({ PORT: "{api.bindings.http.targetPort}" });
  });

  it("tells a container the port it listens on inside, not the published one", () => {
    const web = newBuilder().addContainer("web", "acme/web").withHttpEndpoint({ targetPort: 3000, env: "PORT" });
    const runtime = staticRuntimeValues({ "web/http": { scheme: "http", hostPort: 49001, targetPort: 3000, containerHost: "web" } });
    expect(renderEnvironment(web.resource, createRuntimeResolver("container", runtime))).toEqual({ PORT: "3000" });
  });

  it("hands out a reference to a named endpoint for expressions", () => {
    const web = newBuilder().addContainer("web", "nginx").withHttpEndpoint({ targetPort: 80 });
    const endpoint = web.getEndpoint("http");
    expect(endpoint).toBeInstanceOf(EndpointReference);
    expect(endpoint.resource).toBe(web.resource);
    expect(endpoint.endpointName).toBe("http");
  });
});

describe("withHostPort", () => {
  it("fixes the host port of the first endpoint only", () => {
    const web = newBuilder().addContainer("web", "nginx").withHttpEndpoint({ targetPort: 80 }).withHttpEndpoint({ name: "admin", targetPort: 81 }).withHostPort(8080);
    expect(web.resource.annotationsOf("endpoint").map((e) => e.port)).toEqual([8080, undefined]);
  });

  it("fails with the fix when the resource has no endpoint yet", () => {
    const web = newBuilder().addContainer("web", "nginx");
    expect(() => web.withHostPort(8080)).toThrowErrorMatchingInlineSnapshot(
      `
      [ValidationError: the application model has 1 problem:
        - resource 'web': .withHostPort(…) needs an endpoint to set the host port of, and 'web' has none; declare one first; e.g. .withEndpoint({ targetPort: 80, port })]
    `,
    );
  });
});

describe("withVolume, withBindMount, withDataVolume", () => {
  it("mounts named and anonymous volumes, read-write unless asked", () => {
    const db = newBuilder().addContainer("db", "postgres:17").withVolume("pgdata", "/var/lib/postgresql/data").withVolume(undefined, "/tmp/cache", { readOnly: true });
    expect(db.resource.annotationsOf("mount")).toEqual([
      { type: "mount", kind: "volume", source: "pgdata", target: "/var/lib/postgresql/data", readOnly: false },
      { type: "mount", kind: "volume", source: undefined, target: "/tmp/cache", readOnly: true },
    ]);
  });

  it("resolves a relative bind-mount source against the AppHost folder, not the working directory", () => {
    const web = newBuilder()
      .addContainer("web", "nginx")
      .withBindMount("./site", "/usr/share/nginx/html", { readOnly: true })
      .withBindMount("../config/nginx.conf", "/etc/nginx/nginx.conf")
      .withBindMount("/etc/ssl/certs", "/certs");
    expect(web.resource.annotationsOf("mount").map(({ source, target, readOnly }) => ({ source, target, readOnly }))).toEqual([
      { source: "/tmp/x/apphost/site", target: "/usr/share/nginx/html", readOnly: true },
      { source: "/tmp/x/config/nginx.conf", target: "/etc/nginx/nginx.conf", readOnly: false },
      { source: "/etc/ssl/certs", target: "/certs", readOnly: false },
    ]);
  });

  it("mounts a data volume named after the app and resource at the resource's data path", () => {
    const builder = newBuilder();
    const db = builder.addResource(new DataContainer("db")).withImage("acme/db:1").withDataVolume();
    const [mount] = db.resource.annotationsOf("mount");
    expect(mount).toEqual({ type: "mount", kind: "volume", source: defaultVolumeName(builder.appHost, "db"), target: "/var/lib/data", readOnly: false });
    expect(mount?.source).toMatch(/^x-[0-9a-f]{8}-db-data$/);
  });

  it("gives the same data volume name on every run of one AppHost and different names to two AppHosts", () => {
    const name = (directory: string) => createBuilder({ appHostDirectory: directory }).addResource(new DataContainer("db")).withDataVolume().resource.annotationsOf("mount")[0]?.source;
    expect(name("/tmp/x/apphost")).toBe(name("/tmp/x/apphost"));
    expect(name("/tmp/y/x/apphost")).not.toBe(name("/tmp/x/apphost"));
  });

  it("uses the data volume name the user gives", () => {
    const db = newBuilder().addResource(new DataContainer("db")).withDataVolume("shop-data");
    expect(db.resource.annotationsOf("mount")[0]?.source).toBe("shop-data");
  });
});

describe("withReference", () => {
  it("records the referenced resource whether given its builder or the resource itself", () => {
    const builder = newBuilder();
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint();
    const crm = builder.addConnectionString("crm");
    const web = builder.addNodeApp("web", "../web", "src/index.ts").withReference(api).withReference(crm.resource);
    expect(web.resource.annotationsOf("reference").map((r) => r.target)).toEqual([api.resource, crm.resource]);
  });
});

describe("waitFor, waitForStart, waitForCompletion", () => {
  it("adds one wait edge per call with the condition it waits for", () => {
    const builder = newBuilder();
    const db = builder.addContainer("db", "postgres:17").withEndpoint({ targetPort: 5432 });
    const worker = builder.addExecutable("worker", "node", "../worker", ["worker.js"]);
    const migrate = builder.addExecutable("migrate", "node", "../migrate", ["migrate.js"]);
    const seed = builder.addExecutable("seed", "node", "../seed", ["seed.js"]);
    const api = builder
      .addNodeApp("api", "../api", "src/index.ts")
      .waitFor(db)
      .waitForStart(worker.resource)
      .waitForCompletion(migrate)
      .waitForCompletion(seed, 3);
    expect(api.resource.annotationsOf("wait").map(({ target, kind, exitCode }) => ({ target: target.name, kind, exitCode }))).toEqual([
      { target: "db", kind: "healthy", exitCode: 0 },
      { target: "worker", kind: "started", exitCode: 0 },
      { target: "migrate", kind: "completed", exitCode: 0 },
      { target: "seed", kind: "completed", exitCode: 3 },
    ]);
  });
});

describe("withHealthCheck and withHttpHealthCheck", () => {
  it("keeps a custom probe that the orchestrator can call with a resolver", async () => {
    const calls: string[] = [];
    const api = newBuilder()
      .addNodeApp("api", "../api", "src/index.ts")
      .withHealthCheck("queue", async ({ resolve }) => {
        calls.push(resolve("amqp://queue"));
      });
    const [annotation] = api.resource.annotationsOf("health-check");
    expect(annotation?.check).toMatchObject({ kind: "probe", name: "queue" });
    if (annotation?.check.kind !== "probe") throw new Error("expected a probe");
    const context: ProbeContext = { resolve: (value) => String(value), signal: new AbortController().signal };
    await annotation.check.probe(context);
    expect(calls).toEqual(["amqp://queue"]);
  });

  it("checks GET / on the http endpoint for 200 by default", () => {
    const api = newBuilder().addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint().withHttpHealthCheck();
    expect(api.resource.annotationsOf("health-check").map((a) => a.check)).toEqual([{ kind: "http", name: "http/", endpointName: "http", path: "/", statusCode: 200 }]);
  });

  it("checks the path, status and endpoint it is given", () => {
    const broker = newBuilder()
      .addContainer("broker", "rabbitmq:4.2-management")
      .withHttpEndpoint({ name: "management", targetPort: 15672 })
      .withHttpHealthCheck("/api/health", { statusCode: 204, endpointName: "management" });
    expect(broker.resource.annotationsOf("health-check").map((a) => a.check)).toEqual([
      { kind: "http", name: "management/api/health", endpointName: "management", path: "/api/health", statusCode: 204 },
    ]);
  });
});

describe("withLifetime and withStartupTimeout", () => {
  it("records the lifetime, the last call winning", () => {
    const db = newBuilder().addContainer("db", "postgres:17").withLifetime("persistent");
    expect(db.resource.lastAnnotationOf("lifetime")?.lifetime).toBe("persistent");
    db.withLifetime("session");
    expect(db.resource.lastAnnotationOf("lifetime")?.lifetime).toBe("session");
  });

  it("records how long the resource may take to become healthy", () => {
    const broker = newBuilder().addContainer("broker", "rabbitmq:4.2").withStartupTimeout(120_000);
    expect(broker.resource.annotationsOf("startup-timeout")).toEqual([{ type: "startup-timeout", milliseconds: 120_000 }]);
  });
});

describe("fluent methods", () => {
  it("return the same builder so calls chain on one resource", () => {
    const builder = newBuilder();
    const web = builder.addContainer("web", "nginx");
    expect(web.withHttpEndpoint({ targetPort: 80 }).withEnvironment("A", "1").withLifetime("session")).toBe(web);
    expect(web.name).toBe("web");
    expect(builder.resources).toEqual([web.resource]);
  });
});
