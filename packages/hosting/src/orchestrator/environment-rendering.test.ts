import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { expr } from "../model/expression.js";
import { HOST_FROM_CONTAINER } from "../model/value-resolver.js";
import { FIRST_ALLOCATED_PORT, fakeOrchestrator, within, stopAfterEach } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime, type FakeEvent } from "../testing-support/fake-runtime.js";
import type { Orchestrator } from "./orchestrator.js";

const { track } = stopAfterEach();

/** A container runtime whose engine publishes ports from 49000, and a host process runtime. */
function runtimes() {
  const timeline: FakeEvent[] = [];
  return {
    containers: new FakeRuntime({ target: "container", timeline, firstEphemeralPort: 49_000 }),
    processes: new FakeRuntime({ target: "host", timeline }),
  };
}

async function startAll(builder: ReturnType<typeof createBuilder>, fakes: ReturnType<typeof runtimes>): Promise<Orchestrator> {
  const orchestrator = fakeOrchestrator(builder.resources, [fakes.containers, fakes.processes]);
  track(orchestrator);
  await within(orchestrator.start(), 2_000, "start()");
  return orchestrator;
}

describe("Orchestrator environment rendering", () => {
  it("gives a host process localhost and the published port of a container it references", async () => {
    const fakes = runtimes();
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const cache = builder.addContainer("cache", "redis").withEndpoint({ targetPort: 6379 });
    const tcp = cache.getEndpoint("tcp");
    builder.addExecutable("api", "node", ".").withReference(cache).withEnvironment("CACHE_ADDR", expr`${tcp.host}:${tcp.port}`);

    await startAll(builder, fakes);

    expect(fakes.processes.requests.get("api")?.env).toEqual({
      services__cache__tcp__0: "tcp://localhost:49000",
      CACHE_TCP: "tcp://localhost:49000",
      CACHE_ADDR: "localhost:49000",
    });
  });

  it("gives a container the other container's name and target port", async () => {
    const fakes = runtimes();
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const cache = builder.addContainer("cache", "redis").withEndpoint({ targetPort: 6379 }).withHostPort(6380);
    const tcp = cache.getEndpoint("tcp");
    builder.addContainer("worker", "worker").withReference(cache).withEnvironment("CACHE_ADDR", expr`${tcp.host}:${tcp.port}`);
    builder.addExecutable("api", "node", ".").withEnvironment("CACHE_ADDR", expr`${tcp.host}:${tcp.port}`);

    await startAll(builder, fakes);

    expect(fakes.containers.requests.get("worker")?.env).toEqual({
      services__cache__tcp__0: "tcp://cache:6379",
      CACHE_TCP: "tcp://cache:6379",
      CACHE_ADDR: "cache:6379",
    });
    expect(fakes.processes.requests.get("api")?.env).toEqual({ CACHE_ADDR: "localhost:6380" });
  });

  it("gives a process PORT equal to the port allocated for its endpoint, and tells consumers the same port", async () => {
    const fakes = runtimes();
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const web = builder.addNodeApp("web", "../web", "server.js").withHttpEndpoint({ env: "PORT" });
    builder.addExecutable("client", "node", ".").withReference(web);
    builder.addContainer("proxy", "nginx").withReference(web);

    const orchestrator = await startAll(builder, fakes);

    const request = fakes.processes.requests.get("web");
    expect(request?.env).toEqual({ PORT: String(FIRST_ALLOCATED_PORT) });
    expect(request?.endpoints.get("http")).toMatchObject({ hostPort: FIRST_ALLOCATED_PORT, targetPort: FIRST_ALLOCATED_PORT });
    expect(request?.args).toEqual(["server.js"]);
    expect(orchestrator.states.get("web").endpoints).toEqual({ http: `http://localhost:${FIRST_ALLOCATED_PORT}` });
    expect(fakes.processes.requests.get("client")?.env.WEB_HTTP).toBe(`http://localhost:${FIRST_ALLOCATED_PORT}`);
    expect(fakes.containers.requests.get("proxy")?.env.WEB_HTTP).toBe(`http://${HOST_FROM_CONTAINER}:${FIRST_ALLOCATED_PORT}`);
  });

  it("renders parameters with their resolved values", async () => {
    const fakes = runtimes();
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const apiKey = builder.addParameter("api-key", { secret: true, value: "s3cr3t" });
    builder.addExecutable("api", "node", ".").withEnvironment("API_KEY", apiKey.resource);

    const orchestrator = await startAll(builder, fakes);

    expect(fakes.processes.requests.get("api")?.env).toEqual({ API_KEY: "s3cr3t" });
    expect(orchestrator.states.get("api-key").state).toBe("Running");
  });
});
