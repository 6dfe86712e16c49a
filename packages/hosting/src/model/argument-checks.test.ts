import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { ValidationError } from "../errors/bosun-error.js";

/** What a JavaScript caller without types can pass: anything. */
type Untyped = any;

function newBuilder(): Untyped {
  return createBuilder({ appHostDirectory: "/tmp/x/apphost" });
}

/** The one problem a call throws at once, or a failure when it does not throw a ValidationError. */
function problemOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError && error.problems.length === 1) return error.problems[0] ?? "";
    throw error;
  }
  throw new Error("expected the call to throw a ValidationError");
}

describe("a builder call with an argument of the wrong type throws at once", () => {
  it("names the call, the argument, what was passed and a correct call", () => {
    const builder = newBuilder();
    const api = builder.addNodeApp("api", "../api", "src/index.ts");
    expect([
      problemOf(() => builder.addContainer(42, "nginx")),
      problemOf(() => builder.addExecutable("worker", "python3", "../worker", "main.py")),
      problemOf(() => builder.addExecutable("worker", "python3", "../worker", [{}])),
      problemOf(() => builder.addNodeApp("web", ["../web"], "src/index.ts")),
      problemOf(() => api.withStartupTimeout("30s")),
      problemOf(() => api.withHttpEndpoint({ port: "8080" })),
      problemOf(() => api.withEnvironment("LOG_LEVEL")),
      problemOf(() => api.withArgs("--verbose", null)),
      problemOf(() => api.waitFor("db")),
      problemOf(() => api.waitForCompletion(api, "0")),
      problemOf(() => api.withHealthCheck("queue", "ping")),
      problemOf(() => api.withHttpHealthCheck(200)),
    ]).toMatchInlineSnapshot(`
      [
        "builder.addContainer(…) expects the name as a string, got 42 (a number); e.g. builder.addContainer("mailpit", "axllent/mailpit:v1.21")",
        "builder.addExecutable(…) expects the arguments as an array, got "main.py" (a string); e.g. builder.addExecutable("worker", "python3", "../worker", ["main.py"])",
        "builder.addExecutable(…) expects argument 1 as a string, a number, a parameter, an endpoint or an expr\`…\`, got an object; e.g. builder.addExecutable("worker", "python3", "../worker", ["main.py"])",
        "builder.addNodeApp(…) expects the app's folder as a string, got ["../web"] (an array); e.g. builder.addNodeApp("api", "../api", "src/index.ts")",
        "resource 'api': .withStartupTimeout(…) expects the timeout in milliseconds as a number, got "30s" (a string); e.g. .withStartupTimeout(120_000)",
        "resource 'api': .withHttpEndpoint(…) expects option 'port' as a number (or nothing), got "8080" (a string); e.g. .withHttpEndpoint({ env: "PORT" })",
        "resource 'api': .withEnvironment(…) expects the value of LOG_LEVEL as a string, a number, a parameter, an endpoint or an expr\`…\`, got undefined; e.g. .withEnvironment("LOG_LEVEL", "debug")",
        "resource 'api': .withArgs(…) expects argument 2 as a string, a number, a parameter, an endpoint or an expr\`…\`, got null; e.g. .withArgs("--appendonly", "yes")",
        "resource 'api': .waitFor(…) expects the dependency as a resource or its builder (what builder.add…() returned), got "db" (a string); e.g. .waitFor(db)",
        "resource 'api': .waitForCompletion(…) expects the exit code as a number, got "0" (a string); e.g. .waitForCompletion(migrations, 0)",
        "resource 'api': .withHealthCheck(…) expects the probe as a function, got "ping" (a string); e.g. .withHealthCheck("queue", async ({ signal }) => { … })",
        "resource 'api': .withHttpHealthCheck(…) expects the path as a string, got 200 (a number); e.g. .withHttpHealthCheck("/health", { statusCode: 200 })",
      ]
    `);
  });

  it("rejects a value outside an enumeration", () => {
    const web = newBuilder().addContainer("web", "nginx");
    expect(problemOf(() => web.withLifetime("forever"))).toMatchInlineSnapshot(
      `"resource 'web': .withLifetime(…) expects the lifetime as one of "session", "persistent", got "forever" (a string); e.g. .withLifetime("persistent")"`,
    );
  });

  it("rejects an option the call does not know, which would otherwise be ignored", () => {
    const builder = newBuilder();
    const web = builder.addContainer("web", "nginx");
    expect([
      problemOf(() => web.withEndpoint({ targetPort: 80, hostPort: 8080 })),
      problemOf(() => web.withHttpHealthCheck("/health", { status: 204 })),
      problemOf(() => web.withVolume("data", "/data", { readonly: true })),
      problemOf(() => builder.addParameter("key", { secrets: true })),
      problemOf(() => createBuilder({ appDir: "." } as Untyped)),
    ]).toMatchInlineSnapshot(`
      [
        "resource 'web': .withEndpoint(…) has no option 'hostPort' (it would be ignored); its options are 'port', 'targetPort', 'name', 'env', 'scheme', 'hostIp'; e.g. .withEndpoint({ name: "smtp", targetPort: 1025 })",
        "resource 'web': .withHttpHealthCheck(…) has no option 'status' (it would be ignored); its options are 'statusCode', 'endpointName'; e.g. .withHttpHealthCheck("/health", { statusCode: 200 })",
        "resource 'web': .withVolume(…) has no option 'readonly' (it would be ignored); its options are 'readOnly'; e.g. .withVolume("pgdata", "/var/lib/postgresql/data")",
        "builder.addParameter(…) has no option 'secrets' (it would be ignored); its options are 'secret', 'value', 'generate'; e.g. builder.addParameter("api-key", { secret: true })",
        "createBuilder(…) has no option 'appDir' (it would be ignored); its options are 'appHostDirectory', 'appName'; e.g. createBuilder({ appName: "shop" })",
      ]
    `);
  });

  it("rejects a method the resource cannot take, reached without types", () => {
    const builder = newBuilder();
    const key = builder.addParameter("key", { secret: true });
    const api = builder.addNodeApp("api", "../api", "src/index.ts");
    expect([problemOf(() => api.withImage("nginx")), problemOf(() => key.withEnvironment("A", "b")), problemOf(() => api.withDataVolume())]).toMatchInlineSnapshot(`
      [
        "resource 'api': .withImage(…) applies to containers (addContainer, addPostgres, …), and 'api' is a process; e.g. .withImage("valkey/valkey", "8")",
        "resource 'key': .withEnvironment(…) applies to containers and processes (addContainer, addExecutable, addNodeApp, …), and 'key' is a parameter; e.g. .withEnvironment("LOG_LEVEL", "debug")",
        "resource 'api': .withDataVolume(…) applies to containers that know their data folder (addPostgres, addRedis, addRabbitMQ; others take .withVolume(name, target)), and 'api' is a process; e.g. .withDataVolume("pgdata")",
      ]
    `);
  });

  it("rejects an extension that is not one", () => {
    expect(problemOf(() => newBuilder().use({ name: "kafka", addKafka: () => {} }))).toMatchInlineSnapshot(
      `"builder.use(…) expects the extension's methods as a function, got undefined; e.g. createBuilder().use(postgres)"`,
    );
  });

  it("records nothing when it throws, so the model is unchanged", () => {
    const builder = newBuilder();
    const api = builder.addNodeApp("api", "../api", "src/index.ts");
    const before = api.resource.annotations.length;
    expect(() => api.withHttpEndpoint({ port: "8080" })).toThrow(ValidationError);
    expect(api.resource.annotations).toHaveLength(before);
  });
});
