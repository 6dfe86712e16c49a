import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createBuilder as createRootBuilder } from "../index.js";
import { ContainerLifetime, createBuilder, refExpr, type EnvironmentCallbackContext } from "./index.js";

const DIR = "/tmp/aspire-layer-test/apphost";

async function manifestOf(builder: Awaited<ReturnType<typeof createBuilder>>) {
  const application = await builder.build();
  return application.native.manifest().resources as Record<string, { env?: Record<string, string>; args?: string[]; image?: string; lifetime?: string; bindings?: Record<string, { targetPort?: number; port?: number }>; waitFor?: { resource: string }[]; containerName?: string; command?: string }>;
}

describe("the promise style", () => {
  it("chains before awaiting and takes un-awaited builders as arguments", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    const db = builder.addPostgres("postgres").addDatabase("db");
    const api = builder.addNodeApp("api", "./api", "src/server.ts").withHttpEndpoint({ env: "PORT" }).withReference(db).waitFor(db);
    builder.addNodeApp("web", "./web", "index.js").withHttpEndpoint(3000, undefined, "http", "PORT").withServiceReference(api);
    const resources = await manifestOf(builder);
    expect(resources.api!.env).toMatchObject({ ConnectionStrings__db: expect.stringContaining("/db"), PORT: "{api.bindings.http.targetPort}" });
    expect(resources.api!.waitFor).toEqual([{ resource: "db", condition: "healthy" }]);
    expect(resources.web!.env).toMatchObject({ services__api__http__0: "{api.bindings.http.url}", API_HTTP: "{api.bindings.http.url}", PORT: "{web.bindings.http.targetPort}" });
    expect(resources.web!.bindings!.http!.port).toBe(3000);
  });

  it("waits in build() for calls whose arguments were promises", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    const later = new Promise((resolve) => setTimeout(() => resolve(builder.addRedis("cache")), 20));
    builder.addNodeApp("api", "./api", "index.js").withReference(later as never);
    expect((await manifestOf(builder)).api!.env).toHaveProperty("ConnectionStrings__cache");
  });

  it("fails build() with the error of a call that ran after its promised argument settled", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    const later = new Promise((resolve) => setTimeout(() => resolve(builder.addRedis("cache")), 20));
    builder.addNodeApp("api", "./api", "index.js").withReference(later as never).withHttpEndpoint({ port: "80" as never });
    await expect(builder.build()).rejects.toThrow("withHttpEndpoint");
  });

  it("runs environment callbacks once at build, with refExpr values rendered for the resource", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    const api = await builder.addNodeApp("api", "./api", "index.js").withHttpEndpoint({ env: "PORT" });
    let calls = 0;
    builder.addViteApp("web", "./web").withEnvironmentCallback(async (ctx: EnvironmentCallbackContext) => {
      calls += 1;
      const endpoint = await api.getEndpoint("http");
      await ctx.environmentVariables.set("API_ENDPOINT", refExpr`${endpoint}/v1`);
      await ctx.environmentVariables.set("MODE", (await (await ctx.executionContext.get()).isRunMode.get()) ? "run" : "publish");
    });
    const resources = await manifestOf(builder);
    expect(calls).toBe(1);
    expect(resources.web!.env).toMatchObject({ API_ENDPOINT: "{api.bindings.http.url}/v1", MODE: "run", PORT: "{web.bindings.http.targetPort}" });
    expect(resources.web!.command).toBe("npm");
    expect(resources.web!.args).toEqual(["run", "dev", "--", "--port", "{web.bindings.http.targetPort}", "--strictPort"]);
  });
});

describe("Aspire's properties and modes", () => {
  it("tells run mode from publish mode by the AppHost's command", async () => {
    for (const [args, run] of [[[], true], [["run", "--no-dashboard"], true], [["publish", "--target", "compose"], false], [["manifest"], false]] as const) {
      const ec = await (await createBuilder({ projectDirectory: DIR, args: [...args] })).executionContext.get();
      expect([await ec.isRunMode.get(), await ec.isPublishMode.get()]).toEqual([run, !run]);
    }
  });

  it("gives the AppHost directory and expressions rendered as the manifest renders them", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    expect(await builder.appHostDirectory.get()).toBe(DIR);
    const db = await builder.addPostgres("postgres").addDatabase("db");
    const uri = await (await db.uriExpression.get()).getValue(new AbortController().signal);
    expect(uri).toBe("postgresql://postgres:{postgres-password.value}@{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}/db");
    expect(await db.databaseName.get()).toBe("db");
  });

  it("maps ContainerLifetime and withDataVolume's options", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    builder.addRedis("cache").withLifetime(ContainerLifetime.Persistent).withDataVolume({ name: "cache-data" });
    expect((await manifestOf(builder)).cache!.lifetime).toBe("persistent");
    expect(() => builder.addRedis("other").withDataVolume({ isReadOnly: true })).toThrow(
      "Aspire's withDataVolume({ isReadOnly: true }) is not supported by bosun: a server's data volume is written to; leave isReadOnly out",
    );
  });

  it("adds Redis Commander as a container connected to the server, with Aspire's container name", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    await builder.addRedis("cache").withRedisCommander({ containerName: "my-commander" });
    const commander = (await manifestOf(builder))["cache-commander"]!;
    expect(commander).toMatchObject({ image: "rediscommander/redis-commander:latest", waitFor: [{ resource: "cache", condition: "healthy" }] });
    expect(commander.env).toEqual({ REDIS_HOSTS: "cache:{cache.bindings.tcp.host}:{cache.bindings.tcp.port}:0:{cache-password.value}" });
    expect(commander.bindings!.http!.targetPort).toBe(8081);
  });

  it("adds one pgweb for the app, connected to the server's first database; JDBC strings carry no credentials", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    const postgres = await builder.addPostgres("pg");
    const db = await postgres.addDatabase("mydb", { databaseName: "testdb" });
    await postgres.withPgWeb();
    await postgres.withPgWeb({ containerName: "mypgweb" });
    expect(await (await postgres.jdbcConnectionString.get()).getValue()).toBe("jdbc:postgresql://{pg.bindings.tcp.host}:{pg.bindings.tcp.port}");
    expect(await (await db.jdbcConnectionString.get()).getValue()).toBe("jdbc:postgresql://{pg.bindings.tcp.host}:{pg.bindings.tcp.port}/testdb");
    const other = await builder.addPostgres("pg2");
    expect(() => other.withPgWeb()).toThrow("Aspire's withPgWeb() on 'pg2' is not supported by bosun: bosun's pgweb connects to one database, of 'pg'");
    expect(() => other.withPassword()).toThrow("Aspire's withPassword() on PostgreSQL server 'pg2' is not supported by bosun");
    expect(() => other.withDataBindMount("./data", { isReadOnly: true })).toThrow("Aspire's withDataBindMount(…, { isReadOnly: true }) is not supported by bosun: a server's data folder is written to");
    const pgweb = (await manifestOf(builder))["pgweb"]!;
    expect(pgweb).toMatchObject({ image: "sosedoff/pgweb:0.17.0", containerName: "mypgweb", waitFor: [{ resource: "pg", condition: "healthy" }] });
    expect(pgweb.args).toEqual(["--bind=0.0.0.0", "--listen=8081", "--url", "postgresql://postgres:{pg-password.value}@{pg.bindings.tcp.host}:{pg.bindings.tcp.port}/testdb?sslmode=disable"]);
  });

  it("runs Python apps and Uvicorn as processes: the app's .venv tools when they exist, else python3 / the tool from PATH", async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), "bosun-aspire-python-"));
    mkdirSync(path.join(directory, "with-venv", ".venv", "bin"), { recursive: true });
    writeFileSync(path.join(directory, "with-venv", ".venv", "bin", "python"), "");
    const builder = await createBuilder({ projectDirectory: directory, args: [] });
    await builder.addPythonApp("script", "./plain", "main.py").withHttpEndpoint({ env: "PORT" });
    await builder.addPythonModule("module", "./with-venv", "worker");
    await builder.addPythonExecutable("tool", "./plain", "pytest");
    await builder.addUvicornApp("api", "./plain", "main:app");
    const resources = await manifestOf(builder);
    expect(resources.api).toMatchObject({ command: "uvicorn", args: ["main:app", "--host", "127.0.0.1", "--port", "{api.bindings.http.targetPort}", "--reload"] });
    expect(resources.api!.env).toMatchObject({ PORT: "{api.bindings.http.targetPort}" });
    expect(resources.script).toMatchObject({ command: "python3", args: ["main.py"] });
    expect(resources.module).toMatchObject({ command: path.join(directory, "with-venv", ".venv", "bin", "python"), args: ["-m", "worker"] });
    expect(resources.tool!.command).toBe("pytest");
  });

  it("maps addDockerComposeEnvironment to the Compose publisher", async () => {
    const publishing = await createBuilder({ projectDirectory: DIR, args: ["publish", "--output", "out"] });
    await publishing.addDockerComposeEnvironment("compose");
    expect((await publishing.build()).args).toEqual(["publish", "--target", "compose", "--output", "out"]);
    expect(await (await publishing.executionContext.get()).publisherName.get()).toBe("compose");
  });
});

describe("what bosun cannot honour", () => {
  it("fails at the call, on a builder awaited or not, naming the Aspire API and what to use instead", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    const refusedOnChain = builder.addNodeApp("api", "./api", "index.js") as unknown as { withBrowserDebugger: () => unknown };
    expect(() => refusedOnChain.withBrowserDebugger()).toThrow(
      "Aspire's withBrowserDebugger() is not supported by bosun: bosun starts no browser and attaches no debugger to one; open the app's URL yourself",
    );
    const api = await builder.addNodeApp("api2", "./api", "index.js");
    expect(() => (api as unknown as { withCommand: (...args: unknown[]) => unknown }).withCommand("x", "X", async () => ({ success: true }))).toThrow("Aspire's withCommand() is not supported by bosun");
    expect(() => (builder as unknown as { addCSharpApp: (n: string, p: string) => unknown }).addCSharpApp("gm", "./gm.cs")).toThrow(
      "Aspire's addCSharpApp() is not supported by bosun: bosun runs no .NET; use builder.addExecutable",
    );
  });

  it("refuses withRunScript once another resource references the app", async () => {
    const builder = await createBuilder({ projectDirectory: DIR, args: [] });
    const api = builder.addNodeApp("api", "./api", "index.js").withHttpEndpoint({ env: "PORT" });
    builder.addNodeApp("web", "./web", "index.js").withReference(api);
    expect(() => api.withRunScript("dev")).toThrow("Aspire's withRunScript() on 'api' after 'web' references it is not supported by bosun");
  });

  it("refuses createBuilder options it has no equivalent for", async () => {
    await expect(createBuilder({ containerRegistryOverride: "x" } as never)).rejects.toThrow("Aspire's createBuilder({ containerRegistryOverride }) is not supported by bosun");
  });
});

describe("bosun's own createBuilder", () => {
  it("stays synchronous, and awaiting it gives Aspire's style on the same model", async () => {
    const native = createRootBuilder({ appHostDirectory: DIR });
    native.addRedis("cache");
    const aspire = await native;
    await aspire.addNodeApp("api", "./api", "index.js").withReference(aspire.addRedis("other"));
    expect(native.resources.map((resource) => resource.name)).toEqual(["cache-password", "cache", "api", "other-password", "other"]);
  });
});

describe("the generated modules' transport", () => {
  it("is exported so an AppHost loads, and refused when used", async () => {
    const { connect, CancellationToken } = await import("./index.js");
    expect(() => connect()).toThrow("Aspire's connect() is not supported by bosun: bosun runs the AppHost in Node, with no .NET host to connect to");
    expect(() => new CancellationToken()).toThrow("Aspire's CancellationToken() is not supported by bosun: bosun has no .NET cancellation tokens; use an AbortSignal");
  });
});

describe("the catalog and the layer agree", () => {
  it("refuses none of the methods the layer has", async () => {
    const layer = await import("./index.js");
    const classes = [layer.AspireBuilder, layer.AspireResource, layer.AspireContainer, layer.AspireJavaScriptApp, layer.AspirePostgres, layer.AspireDatabase, layer.AspireRedis, layer.AspireRabbitMQ];
    const methods = classes.flatMap((type) => Object.getOwnPropertyNames(type.prototype)).filter((name) => name !== "constructor");
    expect(methods.filter((name) => layer.aspireApiDecision(name)?.status === "refused")).toEqual([]);
  });
});
