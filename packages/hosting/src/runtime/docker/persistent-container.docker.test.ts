import { probeRedis, redis } from "@bosun/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContainerResource } from "../../model/container-resource.js";
import type { SessionInfo } from "../resource-runtime.js";
import { LABEL } from "./docker-labels.js";
import { createDockerFixture, execFileAsync, PASSWORD, requestFor, until, type DockerFixture } from "../../testing-support/docker-fixture.js";
import { appNetworkName } from "./app-network.js";
import { sessionNetworkName } from "./session-network.js";

let fixture: DockerFixture;

beforeAll(async () => {
  fixture = await createDockerFixture("rt-persistent");
});

afterAll(async () => {
  await fixture?.cleanup();
});

/** One AppHost run: open the runtime, start the resource, hand back what the test needs, then stop and close. */
async function run(resource: ContainerResource, use?: (session: SessionInfo) => Promise<void>) {
  const session = fixture.session();
  const runtime = fixture.runtime(session);
  await runtime.open?.();
  const t0 = performance.now();
  const handle = await runtime.start(requestFor(resource));
  const startMs = performance.now() - t0;
  const port = handle.endpoints.get("tcp")!.hostPort;
  await until("PONG", async () => (await probeRedis(`redis://:${PASSWORD}@127.0.0.1:${port}`), true));
  const healthyMs = performance.now() - t0;
  const info = (await fixture.engine.containers.inspect(`${resource.name}-${fixture.builder.appHost.id}`))!;
  await use?.(session);
  await handle.stop();
  await runtime.close?.();
  return { id: info.id, port, session, startMs, healthyMs, labels: info.labels };
}

async function networksOf(name: string): Promise<string[]> {
  const { stdout } = await execFileAsync("docker", ["inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}", name]);
  return stdout.trim().split(/\s+/).filter(Boolean);
}

describe("persistent containers", () => {
  it("outlive the session: stop() leaves them running on the app network, the session network removed", async () => {
    const builder = fixture.builder.use(redis);
    const kept = builder.addRedis("kept").withLifetime("persistent");
    const name = `kept-${fixture.builder.appHost.id}`;
    const { session } = await run(kept.resource);
    const info = await fixture.engine.containers.inspect(name);
    expect(info?.running).toBe(true);
    expect(info?.labels[LABEL.lifetime]).toBe("persistent");
    expect(await networksOf(name)).toEqual([appNetworkName(fixture.appKey)]);
    expect(await fixture.engine.networks.inspect(sessionNetworkName(session))).toBeUndefined();
  });

  it("are reused by the next run when unchanged: same container, same engine-chosen port, reachable by name", async () => {
    const builder = fixture.builder.use(redis);
    const reused = builder.addRedis("reused").withLifetime("persistent");
    const first = await run(reused.resource);
    let aliasAnswer = "";
    const second = await run(reused.resource, async (session) => {
      // Its own alias on the new session network resolves (any container on it would see the same DNS).
      const result = await fixture.engine.containers.exec(first.id, ["getent", "hosts", "reused"]);
      aliasAnswer = result.stdout;
      expect((await networksOf(`reused-${fixture.builder.appHost.id}`)).sort()).toEqual([appNetworkName(fixture.appKey), sessionNetworkName(session)].sort());
    });
    console.log(`[measure] persistent redis: cold start() ${first.startMs.toFixed(0)} ms → PONG ${first.healthyMs.toFixed(0)} ms; warm reuse start() ${second.startMs.toFixed(0)} ms → PONG ${second.healthyMs.toFixed(0)} ms`);
    expect(second.id).toBe(first.id);
    // It never left the app network, so the engine kept its port mapping between the runs.
    expect(second.port).toBe(first.port);
    expect(aliasAnswer).toContain("reused");
    expect(second.healthyMs).toBeLessThan(1_500);
  });

  it("meet by name on the app network when the app has no other containers, without a session network", async () => {
    const builder = fixture.builder.use(redis);
    const first = builder.addRedis("only-a").withLifetime("persistent");
    const second = builder.addRedis("only-b").withLifetime("persistent");
    const session = fixture.session();
    const runtime = fixture.runtime(session, { resources: [first.resource, second.resource] });
    await runtime.open?.();
    const handles = await Promise.all([runtime.start(requestFor(first.resource)), runtime.start(requestFor(second.resource))]);
    const [firstName, secondName] = [`only-a-${fixture.builder.appHost.id}`, `only-b-${fixture.builder.appHost.id}`];

    expect(await fixture.engine.networks.inspect(sessionNetworkName(session))).toBeUndefined();
    expect(await networksOf(firstName)).toEqual([appNetworkName(fixture.appKey)]);
    expect((await fixture.engine.containers.exec(firstName, ["getent", "hosts", "only-b"])).stdout).toContain("only-b");
    await Promise.all(handles.map((handle) => handle.stop()));
    await runtime.close?.();
    // Stopping leaves them where they were: running, on the app network.
    expect(await networksOf(secondName)).toEqual([appNetworkName(fixture.appKey)]);
    expect((await fixture.engine.containers.inspect(secondName))?.running).toBe(true);
  });

  it("are reused after being stopped outside bosun, and started again", async () => {
    const builder = fixture.builder.use(redis);
    const stopped = builder.addRedis("stopped").withLifetime("persistent");
    const first = await run(stopped.resource);
    await fixture.engine.containers.stop(first.id, { timeoutSeconds: 5 });
    const second = await run(stopped.resource);
    expect(second.id).toBe(first.id);
    expect((await fixture.engine.containers.inspect(first.id))?.running).toBe(true);
  });

  it("are recreated when their configuration changes, and not for a new session id", async () => {
    const builder = fixture.builder.use(redis);
    const changing = builder.addRedis("changing").withLifetime("persistent");
    const first = await run(changing.resource);
    const same = await run(changing.resource);
    expect(same.id).toBe(first.id);
    expect(same.labels[LABEL.configHash]).toBe(first.labels[LABEL.configHash]);

    changing.withEnvironment("FEATURE", "on");
    const changed = await run(changing.resource);
    expect(changed.id).not.toBe(first.id);
    expect(changed.labels[LABEL.configHash]).not.toBe(first.labels[LABEL.configHash]);
    expect(await fixture.engine.containers.inspect(first.id)).toBeUndefined();
  });
});
