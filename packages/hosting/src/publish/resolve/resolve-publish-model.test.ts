import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createBuilder } from "../../app/distributed-application-builder.js";
import { expr } from "../../model/expression.js";
import { resolvePublishModel } from "./resolve-publish-model.js";

const REPO = fileURLToPath(new URL("../../../../../", import.meta.url));

function resolve(define: (builder: ReturnType<typeof createBuilder>) => void) {
  const builder = createBuilder({ appHostDirectory: `${REPO}apphost`, appName: "shop" });
  define(builder);
  const app = builder.build();
  return resolvePublishModel({ resources: app.resources, appHost: app.appHost, outputDirectory: `${REPO}apphost/publish/compose` }).model;
}

describe("resolvePublishModel", () => {
  it("renders values for the app network: host = service name, the container port, parameters as placeholders", () => {
    const model = resolve((builder) => {
      const token = builder.addParameter("token", { secret: true });
      const web = builder.addContainer("web", "nginx:1.27").withHttpEndpoint({ targetPort: 80, port: 8088 });
      builder.addContainer("client", "curlimages/curl:8").withEnvironment("TARGET", expr`${web.getEndpoint("http").property("url")}/?t=${token}`).withReference(web);
    });
    const client = model.services.find((s) => s.name === "client")!;
    expect(client.environment).toEqual([
      { name: "TARGET", value: ["http://web:80/?t=", { parameter: "TOKEN" }], secret: true },
      { name: "WEB_HTTP", value: ["http://web:80"], secret: false },
      { name: "services__web__http__0", value: ["http://web:80"], secret: false },
    ]);
    expect(model.parameters).toEqual([{ name: "token", variable: "TOKEN", secret: true, generated: false, description: "secret of parameter 'token', used by client" }]);
  });

  it("gives a node app's endpoint container port 8080 and sets PORT to it", () => {
    const model = resolve((builder) => {
      builder.addNodeApp("api", "../examples/ecommerce/gateway", "src/index.ts").withHttpEndpoint({ env: "PORT" }).withEndpoint({ name: "metrics", env: "METRICS_PORT" });
    });
    const api = model.services[0]!;
    expect(api.ports.map((p) => [p.name, p.containerPort, p.hostPort])).toEqual([["http", 8080, undefined], ["metrics", 8081, undefined]]);
    expect(api.environment.filter((e) => e.name.endsWith("PORT"))).toEqual([
      { name: "METRICS_PORT", value: ["8081"], secret: false },
      { name: "PORT", value: ["8080"], secret: false },
    ]);
    expect(api).toMatchObject({ kind: "node-app", image: "shop-api:latest", build: { context: "api", dockerfile: "api/Dockerfile" } });
  });

  it("waits for the start of a dependency without a published check, as run treats one without checks, and for the strongest wait on one service", () => {
    const model = resolve((builder) => {
      const plain = builder.addContainer("plain", "busybox:1").withHttpEndpoint({ targetPort: 80 });
      const job = builder.addContainer("job", "busybox:1");
      builder.addContainer("app", "busybox:1").waitFor(plain).waitForStart(job).waitForCompletion(job);
    });
    const app = model.services.find((s) => s.name === "app")!;
    expect(app.dependencies.map(({ service, kind }) => [service, kind])).toEqual([["job", "completed"], ["plain", "started"]]);
    expect(model.services.find((s) => s.name === "job")!.restart).toBe("on-failure");
    expect(model.services.find((s) => s.name === "plain")!.restart).toBe("always");
  });

  it("reports what it leaves out, naming the resource", () => {
    const model = resolve((builder) => {
      builder.addExecutable("tool", "make", ".", ["all"]);
      builder.addContainer("web", "nginx:1.27").withHttpEndpoint({ targetPort: 80 }).withHttpHealthCheck("/");
    });
    expect(model.services.map((s) => s.name)).toEqual(["web"]);
    expect(model.warnings.map((w) => [w.code, w.resource])).toEqual([["HEALTHCHECK_NOT_PUBLISHED", "web"], ["RESOURCE_NOT_PUBLISHED", "tool"]]);
  });
});
