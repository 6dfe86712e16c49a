import { describe, expect, it } from "vitest";
import { createBuilder } from "../../app/distributed-application-builder.js";
import { ValidationError } from "../../errors/bosun-error.js";
import { ContainerResource } from "../container-resource.js";
import { Resource } from "../resource.js";

/** What a JavaScript caller without types can pass: anything. */
type Untyped = any;

function newBuilder(): Untyped {
  return createBuilder({ appHostDirectory: "/tmp/x/apphost" });
}

/** The problems `build()` reports, or a failure when it does not throw. */
function problemsOf(builder: Untyped): readonly string[] {
  try {
    builder.build();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error("expected build() to throw a ValidationError");
}

describe("build() checks the values the builder recorded", () => {
  it("rejects images, container names and mounts the engine would refuse or that clash", () => {
    const builder = newBuilder();
    builder.addContainer("web", "nginx:1.27 alpine").withContainerName("shop").withVolume("data", "/data").withBindMount("./conf", "/data/");
    builder.addContainer("api", "Acme/API").withContainerName("shop").withVolume("x", "relative/path");
    builder.addContainer("cache", "redis").withContainerName("-cache").withImageTag("");
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'web' runs image 'nginx:1.27 alpine', which is not a valid reference ('1.27 alpine' is not a valid tag); fix the name, tag or registry given to web",
        "resource 'web' mounts two things at '/data/'; keep one of them or mount the other elsewhere",
        "resource 'api' runs image 'Acme/API:latest', which is not a valid reference ('Acme' must be lowercase letters, digits and separators (. _ -)); fix the name, tag or registry given to api",
        "resource 'api' mounts at 'relative/path', which is not an absolute path in the container; use e.g. '/data'",
        "resource 'api' mounts volume 'x'; use at least two letters, digits, '_', '.' or '-', starting with a letter or digit",
        "resource 'cache' runs image 'redis:', which is not a valid reference ('' is not a valid tag); fix the name, tag or registry given to cache",
        "resources 'web' and 'api' both want the container name 'shop'; give one of them another with .withContainerName(…)",
        "resource 'cache' has container name '-cache'; use at least two letters, digits, '_', '.' or '-', starting with a letter or digit",
      ]
    `);
  });

  it("rejects timeouts, exit codes, health checks and lifetimes the orchestrator cannot act on", () => {
    const builder = newBuilder();
    const migrate = builder.addExecutable("migrate", "node", "../migrate", ["migrate.js"]);
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ env: "PORT" });
    api.withStartupTimeout(-1).withStartupTimeout(Number.NaN).waitForCompletion(migrate, 256).withHttpHealthCheck("health", { statusCode: 42 });
    api.withHealthCheck("queue", async () => {}).withHealthCheck("queue", async () => {});
    api.resource.addAnnotation({ type: "wait", target: migrate.resource, kind: "ready", exitCode: 0 });
    builder.addContainer("db", "postgres:17").resource.addAnnotation({ type: "lifetime", lifetime: "forever" });
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'api' waits for 'migrate' to exit with code 256; an exit code is a whole number from 0 to 255",
        "resource 'api' waits for 'migrate' to be 'ready'; use waitFor, waitForStart or waitForCompletion",
        "resource 'api' health check 'httphealth' requests 'health'; an HTTP path starts with '/' (e.g. "/health")",
        "resource 'api' health check 'httphealth' expects status 42; use an HTTP status from 100 to 599 (e.g. { statusCode: 204 })",
        "resource 'api' has two health checks named 'queue'; give one of them another name",
        "resource 'api' has start-up timeout -1; give a positive number of milliseconds (e.g. .withStartupTimeout(120_000))",
        "resource 'api' has start-up timeout NaN; give a positive number of milliseconds (e.g. .withStartupTimeout(120_000))",
        "resource 'db' has lifetime 'forever'; use "session" or "persistent"",
      ]
    `);
  });

  it("rejects environment names, endpoint settings and endpoints the model does not have", () => {
    const builder = newBuilder();
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ env: "PORT" });
    builder
      .addNodeApp("web", "../web", "src/index.ts")
      .withEndpoint({ name: "metrics endpoint", scheme: "h t t p", env: "=PORT", hostIp: "localhost" })
      .withEnvironment("", "x")
      .withEnvironment("API_GRPC", api.getEndpoint("grpc"))
      .withArgs("--api", api.getEndpoint("admin").property("port"));
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'web' has an endpoint named 'metrics endpoint'; use letters, digits, hyphens and underscores, starting with a letter (e.g. { name: "metrics" })",
        "resource 'web' endpoint 'metrics endpoint' has scheme 'h t t p'; use a URL scheme such as "http", "https" or "tcp"",
        "resource 'web' endpoint 'metrics endpoint' passes its port in '=PORT', which is not an environment variable name; use a name without "=" (e.g. { env: "PORT" })",
        "resource 'web' endpoint 'metrics endpoint' publishes on 'localhost', which is not an IP address; use e.g. { hostIp: "0.0.0.0" } or leave it out for 127.0.0.1",
        "resource 'web' sets the environment variable ''; a name must be non-empty and without "="",
        "resource 'web' uses endpoint 'grpc' of 'api', which 'api' does not have; declare it with .withEndpoint({ name: "grpc" }) or use one it has in API_GRPC",
        "resource 'web' uses endpoint 'admin' of 'api', which 'api' does not have; declare it with .withEndpoint({ name: "admin" }) or use one it has in its arguments",
      ]
    `);
  });

  it("rejects empty commands and scripts, and generated values of no length", () => {
    const builder = newBuilder();
    builder.addExecutable("worker", " ", "../worker");
    builder.addNodeApp("api", "../api", "");
    builder.addParameter("token", { secret: true, generate: { minLength: 0 } });
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'worker' has an empty command; name the program to run, e.g. addExecutable("worker", "python3", "../worker", ["main.py"])",
        "resource 'api' has an empty script; name the entry file, e.g. addNodeApp("api", "../api", "src/index.ts")",
        "parameter 'token' asks for a generated value of length 0; use a whole number from 1 to 1024 (e.g. { generate: { minLength: 22 } })",
      ]
    `);
  });

  it("reports what an integration's own checkSettings finds", () => {
    class QueueResource extends Resource {
      readonly type = "queue.v0";
      override checkSettings(): string[] {
        return [`queue '${this.name}' needs a partition count; pass one`];
      }
    }
    const builder = newBuilder();
    builder.addResource(new QueueResource("orders"));
    expect(problemsOf(builder)).toEqual(["queue 'orders' needs a partition count; pass one"]);
  });
});

describe("build() reports a derived resource's name problems once, on the user's resource", () => {
  /** What an integration does: a generated password, then the resource the user named, then a companion. */
  function addBroker(builder: Untyped, name: string) {
    builder.addGeneratedPassword(name);
    builder.addResource(new ContainerResource(name)).withImage("rabbitmq", "3").withEndpoint({ targetPort: 5672 });
    builder.addResource(new ContainerResource(`${name}-ui`), { derivedFrom: name }).withImage("nginx", "1").withEndpoint({ targetPort: 80 });
  }

  it("reports a bad name once, not again for '<name>-password' or '<name>-ui'", () => {
    const builder = newBuilder();
    addBroker(builder, "my cache!");
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource name 'my cache!' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'my-cache')",
      ]
    `);
  });

  it("reports a name too long for the names derived from it once, on the user's name, with the length that fits them all", () => {
    const builder = newBuilder();
    addBroker(builder, "b".repeat(61));
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource name 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' is too long for the resource 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-password' made from it (at most 63 characters); shorten 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' to at most 54 characters",
      ]
    `);
  });

  it("reports a name used twice once, and says which resource makes a clashing derived name", () => {
    const twice = newBuilder();
    addBroker(twice, "queue");
    addBroker(twice, "queue");
    const clash = newBuilder();
    clash.addParameter("queue-password");
    addBroker(clash, "queue");
    expect([...problemsOf(twice), ...problemsOf(clash)]).toMatchInlineSnapshot(`
      [
        "resource name 'queue' is used twice (names ignore case, 'queue' came first); rename one of them",
        "resource name 'queue-password' is used twice: 'queue' makes a resource of that name; rename the other 'queue-password' or 'queue'",
      ]
    `);
  });
});
