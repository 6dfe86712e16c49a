import { createServer, type AddressInfo, type Server } from "node:net";
import { redis } from "@bosun/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resource } from "../../model/resource.js";
import type { ResourceRuntime, SessionInfo } from "../resource-runtime.js";
import { createDockerFixture, requestFor, type DockerFixture } from "../../testing-support/docker-fixture.js";

let fixture: DockerFixture;
let session: SessionInfo;
let runtime: ResourceRuntime;

beforeAll(async () => {
  fixture = await createDockerFixture("rt-preflight");
  session = fixture.session();
  runtime = fixture.runtime(session);
});

afterAll(async () => {
  await runtime?.close?.();
  await fixture?.cleanup();
});

async function listen(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/** The messages of a runtime's preflight problems. */
async function messagesOf(runtime: ResourceRuntime, resources: readonly Resource[]): Promise<string[]> {
  return ((await runtime.preflight?.(resources)) ?? []).map((problem) => problem.message);
}

describe("preflight of the Docker runtime", () => {
  it("finds nothing wrong with local images and free ports", async () => {
    const builder = fixture.builder.use(redis);
    const free = await listen();
    const port = portOf(free);
    await new Promise((resolve) => free.close(resolve));
    const fine = builder.addRedis("fine").withHostPort(port);
    expect(await messagesOf(runtime, [fine.resource])).toEqual([]);
  });

  it("names the program-held host port, the resource and the fix", async () => {
    const holder = await listen();
    try {
      const builder = fixture.builder.use(redis);
      const busy = builder.addRedis("busy").withHostPort(portOf(holder));
      expect(await messagesOf(runtime, [busy.resource])).toEqual([
        `resource 'busy': host port ${portOf(holder)} on 127.0.0.1 is already in use by another program; stop it or choose another port with .withHostPort(…)`,
      ]);
    } finally {
      holder.close();
    }
  });

  it("names the container that publishes a host port another resource asks for", async () => {
    const free = await listen();
    const port = portOf(free);
    await new Promise((resolve) => free.close(resolve));
    const builder = fixture.builder.use(redis);
    const first = builder.addRedis("first").withHostPort(port);
    await runtime.open?.();
    const handle = await runtime.start(requestFor(first.resource));
    try {
      const second = builder.addRedis("second").withHostPort(port);
      expect(await messagesOf(runtime, [second.resource])).toEqual([
        `resource 'second': host port ${port} on 127.0.0.1 is used by container 'first-${session.id}'; stop it or choose another port with .withHostPort(…)`,
      ]);
    } finally {
      await handle.stop();
    }
  });

  it("does not count the port held by the resource's own persistent container", async () => {
    const free = await listen();
    const port = portOf(free);
    await new Promise((resolve) => free.close(resolve));
    const builder = fixture.builder.use(redis);
    const own = builder.addRedis("own").withHostPort(port).withLifetime("persistent");
    await runtime.open?.();
    const handle = await runtime.start(requestFor(own.resource));
    try {
      // The next run's preflight, while the container still publishes the port: it will be reused.
      const next = fixture.runtime(fixture.session());
      expect(await messagesOf(next, [own.resource])).toEqual([]);
      const stranger = builder.addRedis("stranger").withHostPort(port);
      expect(await messagesOf(next, [stranger.resource])).toHaveLength(1);
    } finally {
      await handle.stop();
    }
  });

  it("reports an image that is neither local nor reachable, naming the substitution mechanism", async () => {
    const ghost = fixture.builder.addContainer("ghost", "bosun-test/does-not-exist:1");
    const problems = await messagesOf(runtime, [ghost.resource]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^resource 'ghost': image 'bosun-test\/does-not-exist:1' is not available: it is not on the engine and its registry cannot be reached/);
    for (const mechanism of ["BOSUN_IMAGE_MAP", "BOSUN_REGISTRY_MIRROR", "npm run images:offline"]) expect(problems[0]).toContain(mechanism);
  });

  it("reports a container name taken by a container bosun did not create", async () => {
    const name = `stranger-${session.id}`;
    const id = await fixture.engine.containers.create({ name, image: "bosun-offline/redis:7", env: {}, labels: {}, ports: [], mounts: [] });
    try {
      const named = fixture.builder.addContainer("named", "docker.io/library/redis:8.6").withContainerName(name);
      expect(await messagesOf(runtime, [named.resource])).toEqual([
        `resource 'named': the container name '${name}' is taken by a container that bosun did not create (image bosun-offline/redis:7, created); ` +
          `remove it with \`docker rm -f ${name}\` or give 'named' another name with .withContainerName(…)`,
      ]);
    } finally {
      await fixture.engine.containers.remove(id, { force: true, removeVolumes: true });
    }
  });
});
