import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { expr } from "../model/expression.js";
import { writeManifest } from "./write-manifest.js";

const SECRET = "s3cr3t-Value-that-must-not-leak";

function newBuilder() {
  return createBuilder({ appHostDirectory: "/tmp/x/apphost" });
}

describe("writeManifest", () => {
  it("describes a container with its image, name, lifetime, mounts, bindings, args, env, waits and references", () => {
    const builder = newBuilder();
    const token = builder.addParameter("token", { secret: true, value: SECRET });
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ env: "PORT" });
    builder
      .addContainer("web", "nginx:1.27")
      .withImageRegistry("mirror.example.com")
      .withContainerName("shop-web")
      .withLifetime("persistent")
      .withHttpEndpoint({ targetPort: 80, port: 8080 })
      .withVolume("web-cache", "/var/cache/nginx")
      .withBindMount("./site", "/usr/share/nginx/html", { readOnly: true })
      .withArgs("-g", expr`token=${token.resource}`)
      .withEnvironment("UPSTREAM", expr`${api.getEndpoint("http").property("hostAndPort")}`)
      .withReference(api)
      .waitFor(api)
      .waitForCompletion(api, 1);
    expect(builder.build().manifest().resources.web).toMatchInlineSnapshot(`
      {
        "args": [
          "-g",
          "token={token.value}",
        ],
        "bindMounts": [
          {
            "readOnly": true,
            "source": "/tmp/x/apphost/site",
            "target": "/usr/share/nginx/html",
          },
        ],
        "bindings": {
          "http": {
            "port": 8080,
            "protocol": "tcp",
            "scheme": "http",
            "targetPort": 80,
            "transport": "http",
          },
        },
        "containerName": "shop-web",
        "env": {
          "API_HTTP": "{api.bindings.http.url}",
          "UPSTREAM": "{api.bindings.http.hostAndPort}",
          "services__api__http__0": "{api.bindings.http.url}",
        },
        "image": "mirror.example.com/nginx:1.27",
        "lifetime": "persistent",
        "references": [
          "api",
        ],
        "type": "container.v0",
        "volumes": [
          {
            "name": "web-cache",
            "readOnly": false,
            "target": "/var/cache/nginx",
          },
        ],
        "waitFor": [
          {
            "condition": "healthy",
            "resource": "api",
          },
          {
            "condition": "completed",
            "exitCode": 1,
            "resource": "api",
          },
        ],
      }
    `);
  });

  it("describes an executable by its command, a folder relative to the AppHost, and its args", () => {
    const builder = newBuilder();
    builder.addNpmApp("frontend", "../frontend", "dev");
    builder.addExecutable("tool", "make", ".", ["all"]);
    const { resources } = builder.build().manifest();
    expect(resources.frontend).toEqual({ type: "executable.v0", command: "npm", workingDirectory: "../frontend", args: ["run", "dev"] });
    expect(resources.tool).toMatchObject({ command: "make", workingDirectory: "." });
  });

  it("lists parameters as inputs, showing a plain default and hiding a secret one", () => {
    const builder = newBuilder();
    builder.addParameter("region", { value: "eu-west-1" });
    builder.addParameter("api-key", { secret: true, value: SECRET });
    builder.addParameter("session-secret", { secret: true, generate: { minLength: 32 } });
    const { resources } = builder.build().manifest();
    expect(resources.region).toEqual({ type: "parameter.v0", value: "{region.inputs.value}", inputs: { value: { type: "string", secret: false, default: { value: "eu-west-1" } } } });
    expect(resources["api-key"]).toEqual({ type: "parameter.v0", value: "{api-key.inputs.value}", inputs: { value: { type: "string", secret: true } } });
    expect(resources["session-secret"]?.inputs).toEqual({ value: { type: "string", secret: true, default: { generate: { minLength: 32 } } } });
  });

  it("writes a connection string resource as a placeholder for its value", () => {
    const builder = newBuilder();
    builder.addConnectionString("crm");
    expect(builder.build().manifest().resources.crm).toEqual({ type: "value.v0", connectionString: "{crm.value}" });
  });

  it("never writes a secret value, wherever the parameter is used", () => {
    const builder = newBuilder();
    const key = builder.addParameter("api-key", { secret: true, value: SECRET });
    builder
      .addNodeApp("api", "../api", "src/index.ts")
      .withEnvironment("API_KEY", key.resource)
      .withEnvironment("URL", expr`https://user:${key.resource}@example.com`)
      .withArgs("--key", key.resource);
    const manifest = builder.build().manifest();
    const text = JSON.stringify(manifest);
    expect(text).not.toContain(SECRET);
    expect(manifest.resources.api?.env).toEqual({ API_KEY: "{api-key.value}", URL: "https://user:{api-key.value}@example.com" });
    expect(manifest.resources.api?.args).toEqual(["src/index.ts", "--key", "{api-key.value}"]);
  });

  it("lists resources in the order they were added, under a schema name", () => {
    const builder = newBuilder();
    builder.addParameter("b");
    builder.addParameter("a");
    const manifest = writeManifest(builder.resources, builder.appHost);
    expect(manifest.$schema).toBe("bosun-manifest/v0");
    expect(Object.keys(manifest.resources)).toEqual(["b", "a"]);
  });

  it("marks endpoints made external with withExternalHttpEndpoints(), HTTP ones only, as Aspire's manifest does", () => {
    const builder = newBuilder();
    builder.addNodeApp("web", "../web", "src/index.ts").withHttpEndpoint({ env: "PORT" }).withEndpoint({ name: "metrics", targetPort: 9464 }).withExternalHttpEndpoints();
    const bindings = builder.build().manifest().resources.web?.bindings;
    expect(bindings?.http).toMatchObject({ scheme: "http", external: true });
    expect(bindings?.metrics).not.toHaveProperty("external");
  });

  it("leaves out fields that do not apply", () => {
    const builder = newBuilder();
    builder.addContainer("bare", "busybox");
    expect(builder.build().manifest().resources.bare).toEqual({ type: "container.v0", image: "busybox:latest" });
  });
});

describe("writeManifest health and timing", () => {
  it("lists the health checks bosun runs and the start-up timeout", () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder
      .addNodeApp("api", "../api", "src/index.ts")
      .withHttpEndpoint({ env: "PORT" })
      .withHttpHealthCheck("/health")
      .withHealthCheck("queue", async () => {})
      .withStartupTimeout(30_000);
    const entry = builder.build().manifest().resources.api!;
    expect(entry.healthChecks).toEqual([
      { kind: "http", endpoint: "http", path: "/health", statusCode: 200 },
      { kind: "probe", name: "queue" },
    ]);
    expect(entry.startupTimeoutMs).toBe(30_000);
  });
});
