import { staticRuntimeValues } from "./static-runtime-values.js";
import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { environmentPrefix, referenceEnvironment, renderArgs, renderEnvironment } from "./environment.js";
import { expr } from "./expression.js";
import { createManifestResolver, createRuntimeResolver, HOST_FROM_CONTAINER } from "./value-resolver.js";

/** An API run as a host process listening on 5170, and a catalog container published on 49152. */
function model() {
  const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
  const api = builder.addNodeApp("auth-api", "../auth-api", "src/index.ts").withHttpEndpoint({ env: "PORT" });
  const catalog = builder.addContainer("catalog", "acme/catalog:1").withHttpEndpoint({ targetPort: 8080 }).withEndpoint({ name: "grpc-web", scheme: "http", targetPort: 9090 });
  const runtime = staticRuntimeValues({
    "auth-api/http": { scheme: "http", hostPort: 5170, targetPort: 5170, containerHost: undefined },
    "catalog/http": { scheme: "http", hostPort: 49152, targetPort: 8080, containerHost: "catalog" },
    "catalog/grpc-web": { scheme: "http", hostPort: 49153, targetPort: 9090, containerHost: "catalog" },
  });
  return { builder, api, catalog, runtime };
}

describe("environmentPrefix", () => {
  it("upper-cases a resource name and turns what a variable name cannot hold into underscores", () => {
    expect(environmentPrefix("auth-api")).toBe("AUTH_API");
    expect(environmentPrefix("ecommercedb")).toBe("ECOMMERCEDB");
    expect(environmentPrefix("grpc.web")).toBe("GRPC_WEB");
  });
});

describe("withReference to a resource with endpoints", () => {
  it("injects services__<name>__<endpoint>__0 and <NAME>_<ENDPOINT> with the URL a host process can reach", () => {
    const { builder, api, runtime } = model();
    const gateway = builder.addNodeApp("gateway", "../gateway", "src/index.ts").withReference(api);
    expect(renderEnvironment(gateway.resource, createRuntimeResolver("host", runtime))).toEqual({
      "services__auth-api__http__0": "http://localhost:5170",
      AUTH_API_HTTP: "http://localhost:5170",
    });
  });

  it("tells a container to reach a host process through host.docker.internal", () => {
    const { builder, api, runtime } = model();
    const proxy = builder.addContainer("proxy", "nginx").withReference(api);
    expect(renderEnvironment(proxy.resource, createRuntimeResolver("container", runtime))).toEqual({
      "services__auth-api__http__0": `http://${HOST_FROM_CONTAINER}:5170`,
      AUTH_API_HTTP: "http://host.docker.internal:5170",
    });
  });

  it("gives a host process the published port of a container and another container its name and inner port", () => {
    const { builder, catalog, runtime } = model();
    const web = builder.addNodeApp("web", "../web", "src/index.ts").withReference(catalog);
    const worker = builder.addContainer("worker", "acme/worker").withReference(catalog);
    expect(renderEnvironment(web.resource, createRuntimeResolver("host", runtime))).toEqual({
      services__catalog__http__0: "http://localhost:49152",
      CATALOG_HTTP: "http://localhost:49152",
      "services__catalog__grpc-web__0": "http://localhost:49153",
      CATALOG_GRPC_WEB: "http://localhost:49153",
    });
    expect(renderEnvironment(worker.resource, createRuntimeResolver("container", runtime))).toEqual({
      services__catalog__http__0: "http://catalog:8080",
      CATALOG_HTTP: "http://catalog:8080",
      "services__catalog__grpc-web__0": "http://catalog:9090",
      CATALOG_GRPC_WEB: "http://catalog:9090",
    });
  });

  it("writes endpoint URLs into the manifest as binding placeholders", () => {
    const { builder, api } = model();
    const gateway = builder.addNodeApp("gateway", "../gateway", "src/index.ts").withReference(api);
    expect(renderEnvironment(gateway.resource, createManifestResolver())).toEqual({
      "services__auth-api__http__0": "{auth-api.bindings.http.url}",
      AUTH_API_HTTP: "{auth-api.bindings.http.url}",
    });
  });

  it("lets a later withEnvironment override a variable the reference injected, and not an earlier one", () => {
    const { builder, api, runtime } = model();
    const gateway = builder
      .addNodeApp("gateway", "../gateway", "src/index.ts")
      .withEnvironment("AUTH_API_HTTP", "too early")
      .withReference(api)
      .withEnvironment("services__auth-api__http__0", "http://override:1");
    expect(renderEnvironment(gateway.resource, createRuntimeResolver("host", runtime))).toEqual({
      "services__auth-api__http__0": "http://override:1",
      AUTH_API_HTTP: "http://localhost:5170",
    });
  });
});

describe("withReference to addConnectionString", () => {
  it("injects the connection string read from the environment, and no parts", () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const crm = builder.addConnectionString("crm");
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(crm);
    const value = "Server=crm.example.com;User Id=app;Password=p@ss";
    const runtime = staticRuntimeValues({}, { crm: value });
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", runtime))).toEqual({ ConnectionStrings__crm: value });
    expect(renderEnvironment(api.resource, createRuntimeResolver("container", runtime))).toEqual({ ConnectionStrings__crm: value });
    expect(referenceEnvironment(crm.resource).size).toBe(1);
  });

  it("shows a placeholder for it in the manifest", () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const crm = builder.addConnectionString("crm");
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(crm);
    expect(renderEnvironment(api.resource, createManifestResolver())).toEqual({ ConnectionStrings__crm: "{crm.value}" });
  });
});

describe("values given by their builder", () => {
  it("accepts a parameter's builder in withEnvironment, withArgs and expr, as Aspire users write it", () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const apiKey = builder.addParameter("api-key", { secret: true });
    const worker = builder
      .addExecutable("worker", "worker", ".")
      .withEnvironment("API_KEY", apiKey)
      .withEnvironment("HEADER", expr`Bearer ${apiKey}`)
      .withArgs("--key", apiKey);
    const resolver = createRuntimeResolver("host", staticRuntimeValues({}, { "api-key": "s3cret" }));

    expect(renderEnvironment(worker.resource, resolver)).toEqual({ API_KEY: "s3cret", HEADER: "Bearer s3cret" });
    expect(renderArgs(worker.resource, resolver)).toEqual(["--key", "s3cret"]);
  });
});
