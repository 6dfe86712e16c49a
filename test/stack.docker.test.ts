import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBuilder } from "bosun";
import type { RunningApp, ResourceEvent } from "@bosun/hosting";
import { connectEngine } from "@bosun/hosting/runtime";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

describe("a stack of Postgres, a database, Redis, RabbitMQ and a Node app", () => {
  let app: RunningApp;
  const events: ResourceEvent[] = [];

  beforeAll(async () => {
    const appHostDirectory = mkdtempSync(path.join(os.tmpdir(), "bosun-stack-"));
    process.env.BOSUN_SECRETS_DIR = path.join(appHostDirectory, "secrets");
    const builder = createBuilder({ appHostDirectory, appName: "stack-test" });
    const postgres = builder.addPostgres("postgres");
    const db = postgres.addDatabase("appdb");
    const cache = builder.addRedis("cache");
    const messaging = builder.addRabbitMQ("messaging").withManagementPlugin();
    builder
      .addNodeApp("probe", FIXTURES, "probe-app.ts")
      .withHttpEndpoint({ env: "PORT" })
      .withHttpHealthCheck("/health")
      .withReference(db)
      .withReference(cache)
      .withReference(messaging)
      .waitFor(db)
      .waitFor(cache)
      .waitFor(messaging);
    app = await builder.build().start();
    void (async () => {
      for await (const event of app.events()) events.push(event);
    })();
    await app.settled;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it("brings every resource to Running and Healthy", () => {
    const states = app.resources().filter((r) => !r.name.endsWith("-password"));
    expect(states.map((s) => [s.name, s.state, s.health])).toEqual([
      ["postgres", "Running", "Healthy"],
      ["appdb", "Running", "Healthy"],
      ["cache", "Running", "Healthy"],
      ["messaging", "Running", "Healthy"],
      ["probe", "Running", "Healthy"],
    ]);
  });

  it("injects the documented variables, rendered for a host process", async () => {
    const response = await fetch(`${app.resource("probe").endpoints.http}/env`, { signal: AbortSignal.timeout(5000) });
    const env = (await response.json()) as Record<string, string>;
    const postgresPort = new URL(app.resource("postgres").endpoints.tcp!).port;
    expect(env.ConnectionStrings__appdb).toMatch(new RegExp(`^postgresql://postgres:[A-Za-z0-9]{22,}@localhost:${postgresPort}/appdb$`));
    expect(env.APPDB_URI).toBe(env.ConnectionStrings__appdb);
    expect(env.APPDB_HOST).toBe("localhost");
    expect(env.APPDB_PORT).toBe(postgresPort);
    expect(env.APPDB_DATABASENAME).toBe("appdb");
    expect(env.ConnectionStrings__cache).toMatch(/^redis:\/\/:[A-Za-z0-9]{22,}@localhost:\d+$/);
    expect(env.ConnectionStrings__messaging).toMatch(/^amqp:\/\/guest:[A-Za-z0-9]{22,}@localhost:\d+$/);
    expect(env.PORT).toBe(new URL(app.resource("probe").endpoints.http!).port);
  });

  it("lets the app reach each server with those variables", async () => {
    const response = await fetch(`${app.resource("probe").endpoints.http}/health`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ postgres: "appdb", redis: "PONG", rabbitmq: "connected" });
  });

  it("never starts the app before each dependency is healthy", () => {
    const probeStarting = events.findIndex((e) => e.snapshot.name === "probe" && e.snapshot.state === "Starting");
    expect(probeStarting).toBeGreaterThan(-1);
    for (const dependency of ["appdb", "cache", "messaging"]) {
      const healthy = events.findIndex((e) => e.snapshot.name === dependency && e.snapshot.health === "Healthy");
      expect(healthy, dependency).toBeGreaterThan(-1);
      expect(healthy, dependency).toBeLessThan(probeStarting);
    }
  });

  it("publishes container ports on 127.0.0.1 only", async () => {
    const engine = await connectEngine();
    const containers = await engine.containers.list({ labels: { "bosun.session": app.session.id }, all: true });
    expect(containers).toHaveLength(3);
    for (const summary of containers) {
      const info = await engine.containers.inspect(summary.id);
      expect(info?.ports.length, summary.name).toBeGreaterThan(0);
      for (const port of info!.ports) expect(port.hostIp, summary.name).toBe("127.0.0.1");
    }
  });
});
