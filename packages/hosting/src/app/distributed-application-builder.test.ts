import { describe, expect, it } from "vitest";
import { BosunError } from "../errors/bosun-error.js";
import { ConnectionStringResource } from "../model/connection-string-resource.js";
import { ContainerResource, imageReferenceOf } from "../model/container-resource.js";
import { ExecutableResource } from "../model/executable-resource.js";
import { NodeAppResource } from "../model/node-app-resource.js";
import { ParameterResource } from "../model/parameter-resource.js";
import { defineExtension } from "./builder-extension.js";
import { createBuilder, DistributedApplicationBuilder } from "./distributed-application-builder.js";
import { DistributedApplication } from "./distributed-application.js";

const APPHOST = "/tmp/x/apphost";

function newBuilder() {
  return createBuilder({ appHostDirectory: APPHOST });
}

describe("createBuilder", () => {
  it("names the app after the project folder that holds the apphost folder", () => {
    const builder = newBuilder();
    expect(builder).toBeInstanceOf(DistributedApplicationBuilder);
    expect(builder.appHost.directory).toBe(APPHOST);
    expect(builder.appHost.name).toBe("x");
    expect(builder.appHost.id).toMatch(/^[0-9a-f]{8}$/);
  });

  it("turns a given app name into a DNS-safe one", () => {
    expect(createBuilder({ appHostDirectory: APPHOST, appName: "My Shop_2" }).appHost.name).toBe("my-shop-2");
  });

  it("resolves a relative AppHost folder against the working directory", () => {
    expect(createBuilder({ appHostDirectory: "relative/apphost" }).appHost.directory).toBe(`${process.cwd()}/relative/apphost`);
  });
});

describe("addContainer", () => {
  it("adds a container with the image's tag, latest when none is given", () => {
    const builder = newBuilder();
    const mail = builder.addContainer("mail", "axllent/mailpit:v1.21");
    const cache = builder.addContainer("cache", "redis");
    expect(mail.resource).toBeInstanceOf(ContainerResource);
    expect(mail.resource.type).toBe("container.v0");
    expect(imageReferenceOf(mail.resource)).toBe("axllent/mailpit:v1.21");
    expect(cache.resource.lastAnnotationOf("container-image")).toEqual({ type: "container-image", registry: undefined, image: "redis", tag: "latest" });
    expect(builder.resources).toEqual([mail.resource, cache.resource]);
  });

  it("does not mistake a registry port for a tag", () => {
    const api = newBuilder().addContainer("api", "localhost:5000/shop/api");
    expect(api.resource.lastAnnotationOf("container-image")).toMatchObject({ image: "localhost:5000/shop/api", tag: "latest" });
  });
});

describe("addExecutable", () => {
  it("runs the command in a folder resolved against the AppHost folder, with its arguments", () => {
    const worker = newBuilder().addExecutable("worker", "python3", "../worker", ["main.py", "--fast"]);
    expect(worker.resource).toBeInstanceOf(ExecutableResource);
    expect(worker.resource.type).toBe("executable.v0");
    expect(worker.resource.command).toBe("python3");
    expect(worker.resource.workingDirectory).toBe("/tmp/x/worker");
    expect(worker.resource.annotationsOf("args")).toEqual([{ type: "args", args: ["main.py", "--fast"] }]);
  });

  it("keeps an absolute folder and adds no arguments when none are given", () => {
    const tool = newBuilder().addExecutable("tool", "/usr/bin/env", "/srv/tool");
    expect(tool.resource.workingDirectory).toBe("/srv/tool");
    expect(tool.resource.annotationsOf("args")).toEqual([]);
  });
});

describe("addNodeApp", () => {
  it("runs the script with node from the app folder", () => {
    const api = newBuilder().addNodeApp("auth-api", "../examples/ecommerce/auth-api", "src/index.ts");
    expect(api.resource).toBeInstanceOf(NodeAppResource);
    expect(api.resource.command).toBe("node");
    expect(api.resource.workingDirectory).toBe("/tmp/x/examples/ecommerce/auth-api");
    expect(api.resource.script).toBe("src/index.ts");
    expect(api.resource.annotationsOf("args")).toEqual([{ type: "args", args: ["src/index.ts"] }]);
  });

  it("knows which scripts need the TypeScript loader", () => {
    const builder = newBuilder();
    expect(builder.addNodeApp("a", ".", "src/index.ts").resource.isTypeScript).toBe(true);
    expect(builder.addNodeApp("b", ".", "server.mts").resource.isTypeScript).toBe(true);
    expect(builder.addNodeApp("c", ".", "server.js").resource.isTypeScript).toBe(false);
    expect(builder.addNodeApp("d", ".", "server.mjs").resource.isTypeScript).toBe(false);
  });
});

describe("addNpmApp", () => {
  it("runs `npm run <script>` in the app folder, `start` by default", () => {
    const builder = newBuilder();
    const frontend = builder.addNpmApp("frontend", "../frontend", "dev");
    const admin = builder.addNpmApp("admin", "../admin");
    expect(frontend.resource.command).toBe("npm");
    expect(frontend.resource.workingDirectory).toBe("/tmp/x/frontend");
    expect(frontend.resource.annotationsOf("args")[0]?.args).toEqual(["run", "dev"]);
    expect(admin.resource.annotationsOf("args")[0]?.args).toEqual(["run", "start"]);
  });
});

describe("addParameter", () => {
  it("reads a plain parameter from Parameters__<name>", () => {
    const region = newBuilder().addParameter("region", { value: "eu-west-1" });
    expect(region.resource).toBeInstanceOf(ParameterResource);
    expect(region.resource).toMatchObject({ type: "parameter.v0", configKey: "Parameters__region", secret: false, defaultValue: "eu-west-1", generate: undefined });
  });

  it("keeps whether a parameter is secret or generated", () => {
    const builder = newBuilder();
    expect(builder.addParameter("api-key", { secret: true }).resource).toMatchObject({ secret: true, defaultValue: undefined });
    expect(builder.addParameter("session-secret", { secret: true, generate: { minLength: 32 } }).resource.generate).toEqual({ minLength: 32 });
    expect(builder.addParameter("plain").resource.secret).toBe(false);
  });
});

describe("addConnectionString", () => {
  it("adds an external resource whose secret value comes from ConnectionStrings__<name>", () => {
    const crm = newBuilder().addConnectionString("crm");
    expect(crm.resource).toBeInstanceOf(ConnectionStringResource);
    expect(crm.resource.value.configKey).toBe("ConnectionStrings__crm");
    expect(crm.resource.value.secret).toBe(true);
    expect(crm.resource.connectionStringExpression.values).toEqual([crm.resource.value]);
  });
});

describe("build", () => {
  it("returns the application with every resource in the order they were added", () => {
    const builder = newBuilder();
    const db = builder.addContainer("db", "postgres:17").withEndpoint({ targetPort: 5432 });
    const api = builder.addNodeApp("api", "../api", "src/index.ts").waitFor(db);
    const app = builder.build();
    expect(app).toBeInstanceOf(DistributedApplication);
    expect(app.resources).toEqual([db.resource, api.resource]);
    expect(app.appHost).toBe(builder.appHost);
  });
});

describe("use", () => {
  const mailpit = defineExtension("mailpit", (builder) => ({
    addMailpit: (name: string) => builder.addContainer(name, "axllent/mailpit:v1.21").withHttpEndpoint({ targetPort: 8025 }),
  }));

  it("adds the extension's methods to this builder, bound to it", () => {
    const builder = newBuilder();
    const extended = builder.use(mailpit);
    expect(extended).toBe(builder);
    const mail = extended.addMailpit("mail");
    expect(builder.resources).toEqual([mail.resource]);
  });

  it("leaves other builders and the builder class untouched", () => {
    newBuilder().use(mailpit);
    expect("addMailpit" in newBuilder()).toBe(false);
    expect("addMailpit" in DistributedApplicationBuilder.prototype).toBe(false);
  });

  it("applies an extension once even when used twice", () => {
    let applied = 0;
    const counted = defineExtension("counted", () => {
      applied += 1;
      return { addCounted: () => applied };
    });
    const builder = newBuilder().use(counted).use(counted);
    expect(applied).toBe(1);
    expect(builder.addCounted()).toBe(1);
  });

  it("rejects an extension whose method the builder already has", () => {
    const clash = defineExtension("clash", () => ({ addContainer: () => "mine" }));
    const builder = newBuilder();
    expect(() => builder.use(clash)).toThrowErrorMatchingInlineSnapshot(
      `[BosunError: extension 'clash' defines 'addContainer', which the builder already has; rename it in the extension]`,
    );
    expect(builder.addContainer("web", "nginx").resource).toBeInstanceOf(ContainerResource);
  });

  it("rejects a second extension that defines a method an earlier one added", () => {
    const other = defineExtension("other-mailpit", () => ({ addMailpit: () => "other" }));
    const builder = newBuilder().use(mailpit);
    let caught: unknown;
    try {
      builder.use(other);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BosunError);
    expect((caught as BosunError).code).toBe("CONFIGURATION");
    expect((caught as BosunError).message).toMatchInlineSnapshot(
      `"extension 'other-mailpit' defines 'addMailpit', which the builder already has; rename it in the extension"`,
    );
  });
});
