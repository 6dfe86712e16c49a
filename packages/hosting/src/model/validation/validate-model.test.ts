import { describe, expect, it } from "vitest";
import { createBuilder } from "../../app/distributed-application-builder.js";
import { BosunError, ValidationError } from "../../errors/bosun-error.js";
import { ContainerResource } from "../container-resource.js";
import { Resource } from "../resource.js";
import { validateModel } from "./validate-model.js";

function newBuilder() {
  return createBuilder({ appHostDirectory: "/tmp/x/apphost" });
}

/** The problems `build()` reports, or a failure when it does not throw. */
function problemsOf(builder: ReturnType<typeof newBuilder>): readonly string[] {
  try {
    builder.build();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error("expected build() to throw a ValidationError");
}

/** A resource living inside another one, as an integration's database lives in its server. */
class ChildResource extends Resource {
  readonly type = "child.v0";
  constructor(
    name: string,
    readonly owner: Resource,
  ) {
    super(name);
  }
  override get parent(): Resource {
    return this.owner;
  }
}

describe("build() on a valid model", () => {
  it("accepts names that are DNS labels in any case, waits in a DAG and distinct host ports", () => {
    const builder = newBuilder();
    const db = builder.addContainer("Db-1", "postgres:17").withEndpoint({ targetPort: 5432, port: 5433 });
    const cache = builder.addContainer("cache", "redis:7").withEndpoint({ targetPort: 6379, port: 6379 });
    const migrate = builder.addExecutable("migrate", "node", "../migrate", ["migrate.js"]).waitFor(db);
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ port: 65535 }).withReference(db).waitFor(db).waitFor(cache).waitForCompletion(migrate);
    builder.addNodeApp("web", "../web", "src/index.ts").withHttpEndpoint({ port: 1 }).withReference(api).waitFor(api).waitFor(db);
    builder.addResource(new ChildResource("db-child", db.resource));
    expect(() => builder.build()).not.toThrow();
  });
});

describe("build() names", () => {
  it("rejects a name used twice, ignoring case", () => {
    const builder = newBuilder();
    builder.addContainer("api", "nginx");
    builder.addNodeApp("API", "../api", "src/index.ts");
    expect(() => builder.build()).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: the application model has 1 problem:
        - resource name 'API' is used twice (names ignore case, 'api' came first); rename one of them]
    `);
  });

  it("rejects names that are not DNS labels and suggests one that is", () => {
    const builder = newBuilder();
    for (const name of ["my_api", "1api", "api-", "a--b", "", "x".repeat(64), "café"]) builder.addParameter(name);
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource name 'my_api' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'my-api')",
        "resource name '1api' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'api')",
        "resource name 'api-' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'api')",
        "resource name 'a--b' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'a-b')",
        "resource name '' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'my-resource')",
        "resource name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')",
        "resource name 'café' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'caf')",
      ]
    `);
  });
});

describe("build() edges", () => {
  it("rejects references and waits to resources of another builder", () => {
    const other = newBuilder();
    const foreignDb = other.addContainer("db", "postgres:17").withEndpoint({ targetPort: 5432 });
    const foreignKey = other.addParameter("key", { secret: true });
    const builder = newBuilder();
    builder.addNodeApp("api", "../api", "src/index.ts").withReference(foreignDb).waitFor(foreignDb).withEnvironment("KEY", foreignKey.resource);
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'api' waits for 'db', which is not part of this app; add it with this builder (builder.add…("db")) or remove .waitFor(db)",
        "resource 'api' references 'db', which is not part of this app; add it with this builder (builder.add…("db")) or remove .withReference(db)",
        "resource 'api' uses 'key' in KEY, which is not part of this app; add it with the same builder",
      ]
    `);
  });

  it("rejects waits and references to resources that were never added", () => {
    const ghost = new ContainerResource("ghost");
    const builder = newBuilder();
    builder.addNodeApp("api", "../api", "src/index.ts").waitForStart(ghost).withReference(ghost);
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'api' waits for 'ghost', which is not part of this app; add it with this builder (builder.add…("ghost")) or remove .waitForStart(ghost)",
        "resource 'api' references 'ghost', which is not part of this app; add it with this builder (builder.add…("ghost")) or remove .withReference(ghost)",
      ]
    `);
  });

  it("rejects a resource whose parent is not part of the app", () => {
    const builder = newBuilder();
    builder.addResource(new ChildResource("appdb", new ContainerResource("server")));
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'appdb' belongs to 'server', which is not part of this app; create both with the same builder",
      ]
    `);
  });

  it("rejects a cycle of waits and prints its path", () => {
    const builder = newBuilder();
    const a = builder.addContainer("a", "img");
    const b = builder.addContainer("b", "img");
    const c = builder.addContainer("c", "img");
    a.waitFor(b);
    b.waitForStart(c);
    c.waitForCompletion(a);
    expect(() => builder.build()).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: the application model has 1 problem:
        - resources wait for each other in a cycle: a → b → c → a; remove one of these waits]
    `);
  });

  it("counts a child's implicit wait on its parent when looking for cycles", () => {
    const builder = newBuilder();
    const server = builder.addContainer("server", "postgres:17").withEndpoint({ targetPort: 5432 });
    const child = builder.addResource(new ChildResource("appdb", server.resource));
    server.waitFor(child);
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resources wait for each other in a cycle: server → appdb → server; remove one of these waits",
      ]
    `);
  });

  it("rejects a resource waiting on itself", () => {
    const builder = newBuilder();
    const api = builder.addNodeApp("api", "../api", "src/index.ts");
    api.waitFor(api);
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'api' waits for itself; remove .waitFor(api)",
      ]
    `);
  });

  it("rejects waiting on a parameter, which never runs", () => {
    const builder = newBuilder();
    const key = builder.addParameter("key");
    builder.addNodeApp("api", "../api", "src/index.ts").waitFor(key);
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'api' waits for 'key', a parameter, which never runs; remove .waitFor(key)",
      ]
    `);
  });

  it("rejects, for a JavaScript caller, a reference to a parameter, which has neither connection string nor endpoint", () => {
    const builder = newBuilder();
    const key = builder.addParameter("key", { secret: true });
    builder.addNodeApp("api", "../api", "src/index.ts").withReference(key as never);
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'api' references 'key', which has neither a connection string nor endpoints; pass its value with .withEnvironment("NAME", key) instead",
      ]
    `);
  });

  it("rejects a reference to a resource that declares no endpoint", () => {
    const builder = newBuilder();
    const worker = builder.addContainer("worker", "acme/worker");
    builder.addNodeApp("api", "../api", "src/index.ts").withReference(worker);
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'api' references 'worker', which declares no endpoint; add one to 'worker' with .withHttpEndpoint(…) or remove .withReference(worker)",
      ]
    `);
  });

  it("rejects a resource referencing itself", () => {
    const builder = newBuilder();
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint();
    api.withReference(api);
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'api' references itself; remove .withReference(api)",
      ]
    `);
  });
});

describe("build() endpoints", () => {
  it("rejects two resources claiming one host port", () => {
    const builder = newBuilder();
    builder.addContainer("cache", "redis:7").withEndpoint({ targetPort: 6379 }).withHostPort(6379);
    builder.addContainer("cache-replica", "redis:7").withEndpoint({ targetPort: 6379, port: 6379 });
    builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ port: 6379 });
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resources 'cache' and 'cache-replica' both claim host port 6379; give one of them another port with .withHostPort(…)",
        "resources 'cache' and 'api' both claim host port 6379; give one of them another port with .withHostPort(…)",
      ]
    `);
  });

  it("rejects ports outside 1–65535", () => {
    const builder = newBuilder();
    builder.addContainer("web", "nginx").withHttpEndpoint({ port: 0, targetPort: 65536 }).withEndpoint({ name: "debug", port: 80.5, targetPort: -1 });
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'web' endpoint 'http' has port 0, outside 1–65535; choose a port in that range",
        "resource 'web' endpoint 'http' has targetPort 65536, outside 1–65535; choose a port in that range",
        "resource 'web' endpoint 'debug' has port 80.5, outside 1–65535; choose a port in that range",
        "resource 'web' endpoint 'debug' has targetPort -1, outside 1–65535; choose a port in that range",
      ]
    `);
  });

  it("rejects a container endpoint that does not say which port the container listens on", () => {
    const builder = newBuilder();
    builder.addContainer("web", "nginx").withHttpEndpoint();
    builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint();
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'web' endpoint 'http' has no targetPort; say which port the container listens on with { targetPort: … }",
      ]
    `);
  });

  it("rejects an HTTP health check on an endpoint the resource does not have", () => {
    const builder = newBuilder();
    builder.addNodeApp("api", "../api", "src/index.ts").withHttpHealthCheck("/health");
    builder.addNodeApp("web", "../web", "src/index.ts").withHttpEndpoint().withHttpHealthCheck("/health");
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'api' has health check 'http/health' on endpoint 'http', which it does not have; add .withHttpEndpoint() first or pass { endpointName }",
      ]
    `);
  });

  it("rejects two endpoints of one resource with the same name", () => {
    const builder = newBuilder();
    builder.addContainer("web", "nginx").withHttpEndpoint({ targetPort: 80 }).withHttpEndpoint({ targetPort: 8080 });
    expect(problemsOf(builder)).toMatchInlineSnapshot(`
      [
        "resource 'web' has two endpoints named 'http'; give one of them another name with { name: "…" }",
      ]
    `);
  });
});

describe("build() error", () => {
  it("lists every problem in one ValidationError with the VALIDATION code", () => {
    const builder = newBuilder();
    const a = builder.addContainer("a", "img").withHttpEndpoint({ targetPort: 80, port: 8080 });
    const b = builder.addContainer("b", "img").withHttpEndpoint({ targetPort: 80, port: 8080 });
    builder.addContainer("A", "img").withEndpoint({ targetPort: 70000 });
    a.waitFor(b);
    b.waitFor(a);
    builder.addNodeApp("bad_name", "../x", "i.ts").waitFor(new ContainerResource("ghost"));
    let caught: unknown;
    try {
      builder.build();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toBeInstanceOf(BosunError);
    expect((caught as ValidationError).code).toBe("VALIDATION");
    expect((caught as ValidationError).problems).toHaveLength(6);
    expect((caught as ValidationError).message).toMatchInlineSnapshot(`
      "the application model has 6 problems:
        - resource name 'A' is used twice (names ignore case, 'a' came first); rename one of them
        - resource name 'bad_name' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'bad-name')
        - resource 'bad_name' waits for 'ghost', which is not part of this app; add it with this builder (builder.add…("ghost")) or remove .waitFor(ghost)
        - resources wait for each other in a cycle: a → b → a; remove one of these waits
        - resources 'a' and 'b' both claim host port 8080; give one of them another port with .withHostPort(…)
        - resource 'A' endpoint 'tcp' has targetPort 70000, outside 1–65535; choose a port in that range"
    `);
  });

  it("starts nothing and validates a model with no resources", () => {
    expect(() => validateModel([])).not.toThrow();
    expect(newBuilder().build().resources).toEqual([]);
  });
});
