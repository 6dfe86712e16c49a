import { hostname } from "node:os";
import { createServer, type AddressInfo } from "node:net";
import { redis } from "@bosun/redis";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BosunError, ImageNotAvailableError, PortInUseError } from "../../errors/bosun-error.js";
import type { ResourceRuntime, SessionInfo, StartedResource } from "../resource-runtime.js";
import { LABEL } from "./docker-labels.js";
import { createDockerFixture, deadPid, execFileAsync, PASSWORD, requestFor, until, type DockerFixture } from "../../testing-support/docker-fixture.js";
import { sessionNetworkName } from "./session-network.js";

let fixture: DockerFixture;
let session: SessionInfo;
let runtime: ResourceRuntime;
const started: StartedResource[] = [];

function redisClient(port: number): Redis {
  const client = new Redis({ host: "127.0.0.1", port, password: PASSWORD, lazyConnect: true, connectTimeout: 2_000, commandTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  return client;
}

async function ping(port: number): Promise<string> {
  const client = redisClient(port);
  try {
    await client.connect();
    return await client.ping();
  } finally {
    client.disconnect();
  }
}

async function start(resource: Parameters<typeof requestFor>[0]) {
  const request = requestFor(resource);
  const handle = await runtime.start(request);
  started.push(handle);
  return { handle, request };
}

beforeAll(async () => {
  fixture = await createDockerFixture("rt-basic");
  session = fixture.session();
  runtime = fixture.runtime(session);
  await runtime.open?.();
});

afterAll(async () => {
  await Promise.allSettled(started.map((s) => s.stop()));
  await runtime?.close?.();
  await fixture?.cleanup();
});

describe("the Docker runtime", () => {
  it("starts redis with its rendered args, publishes the port on 127.0.0.1 only, and answers PING", async () => {
    const builder = fixture.builder.use(redis);
    const cache = builder.addRedis("cache");
    const t0 = performance.now();
    const { handle, request } = await start(cache.resource);
    const startResolved = performance.now();
    const endpoint = handle.endpoints.get("tcp");
    expect(endpoint).toMatchObject({ scheme: "tcp", targetPort: 6379, containerHost: "cache" });
    expect(endpoint?.hostPort).toBeGreaterThan(0);

    await until("PONG", async () => ((await ping(endpoint!.hostPort)) === "PONG" ? true : undefined));
    const answered = performance.now();
    console.log(`[measure] cache: start() ${(startResolved - t0).toFixed(0)} ms, start() → PONG ${(answered - t0).toFixed(0)} ms`);

    const info = await fixture.engine.containers.inspect(`cache-${session.id}`);
    expect(info?.ports).toEqual([{ containerPort: 6379, protocol: "tcp", hostIp: "127.0.0.1", hostPort: endpoint!.hostPort }]);
    expect(info?.labels).toMatchObject({
      [LABEL.app]: fixture.appKey,
      [LABEL.resource]: "cache",
      [LABEL.session]: session.id,
      [LABEL.pid]: String(process.pid),
      [LABEL.lifetime]: "session",
    });
    expect(info?.labels[LABEL.configHash]).toMatch(/^[0-9a-f]{64}$/);
    await until("the server's start-up line in the logs", async () => (request.logs.some((l) => l.includes("Ready to accept connections")) ? true : undefined));
  });

  it("lets containers reach each other by resource name, and the host by host.docker.internal", async () => {
    const builder = fixture.builder.use(redis);
    const a = builder.addRedis("peer-a");
    const b = builder.addRedis("peer-b");
    await Promise.all([start(a.resource), start(b.resource)]);
    const idA = (await fixture.engine.containers.inspect(`peer-a-${session.id}`))!.id;

    const answer = await until("peer-b answering peer-a", async () => {
      const result = await fixture.engine.containers.exec(idA, ["redis-cli", "-h", "peer-b", "-a", PASSWORD, "--no-auth-warning", "ping"]);
      return result.stdout.trim() === "PONG" ? result.stdout.trim() : undefined;
    });
    expect(answer).toBe("PONG");
    const hostEntry = await fixture.engine.containers.exec(idA, ["getent", "hosts", "host.docker.internal"]);
    expect(hostEntry.exitCode).toBe(0);
  });

  it("keeps a named volume and its data across stop, removal and the next start", async () => {
    const builder = fixture.builder.use(redis);
    const store = builder.addRedis("store").withDataVolume();
    const volumeName = store.resource.annotationsOf("mount")[0]!.source!;

    const first = await start(store.resource);
    const port = first.handle.endpoints.get("tcp")!.hostPort;
    await until("PONG", async () => ((await ping(port)) === "PONG" ? true : undefined));
    const client = redisClient(port);
    await client.connect();
    await client.set("greeting", "kept");
    await client.save();
    client.disconnect();

    const t0 = performance.now();
    await first.handle.stop();
    console.log(`[measure] store: stop() + remove ${(performance.now() - t0).toFixed(0)} ms`);
    expect(await first.handle.exited).toBe(0);
    expect(await fixture.engine.containers.inspect(`store-${session.id}`)).toBeUndefined();
    expect(await fixture.engine.volumes.inspect(volumeName)).toMatchObject({ labels: { [LABEL.app]: fixture.appKey } });

    const second = await start(store.resource);
    const again = redisClient(second.handle.endpoints.get("tcp")!.hostPort);
    const value = await until("the kept value", async () => {
      if (again.status !== "ready") await again.connect();
      return (await again.get("greeting")) ?? undefined;
    });
    again.disconnect();
    expect(value).toBe("kept");
  });

  it("removes anonymous volumes with the container", async () => {
    const scratch = fixture.builder.addContainer("scratch", "docker.io/library/redis:8.6").withVolume(undefined, "/scratch");
    const { handle } = await start(scratch.resource);
    const { stdout } = await execFileAsync("docker", ["inspect", "-f", "{{range .Mounts}}{{.Name}} {{end}}", `scratch-${session.id}`]);
    const anonymous = stdout.trim().split(/\s+/);
    expect(anonymous).toHaveLength(2); // /scratch, and the image's own VOLUME /data
    await handle.stop();
    for (const volume of anonymous) expect(await fixture.engine.volumes.inspect(volume)).toBeUndefined();
  });

  it("refuses a container name held by a container bosun did not create, and names the fix", async () => {
    const name = `foreign-${session.id}`;
    const id = await fixture.engine.containers.create({ name, image: "bosun-offline/redis:7", env: {}, labels: {}, ports: [], mounts: [] });
    try {
      const taken = fixture.builder.addContainer("taken", "docker.io/library/redis:8.6").withContainerName(name);
      const failure = await runtime.start(requestFor(taken.resource)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BosunError);
      expect((failure as Error).message).toBe(
        `resource 'taken': the container name '${name}' is taken by a container that bosun did not create (image bosun-offline/redis:7, created); ` +
          `remove it with \`docker rm -f ${name}\` or give 'taken' another name with .withContainerName(…)`,
      );
      expect((await fixture.engine.containers.inspect(name))?.id).toBe(id);
    } finally {
      await fixture.engine.containers.remove(id, { force: true, removeVolumes: true });
    }
  });

  it("replaces a container left under the same name by an earlier run whose AppHost is gone", async () => {
    const name = `leftover-${session.id}`;
    const labels = { [LABEL.app]: fixture.appKey, [LABEL.session]: "gone01", [LABEL.pid]: String(deadPid()), [LABEL.host]: hostname(), [LABEL.lifetime]: "session" };
    const oldId = await fixture.engine.containers.create({ name, image: "bosun-offline/redis:7", env: {}, labels, ports: [], mounts: [] });
    const leftover = fixture.builder.addContainer("leftover", "docker.io/library/redis:8.6").withContainerName(name);
    await start(leftover.resource);
    const info = await fixture.engine.containers.inspect(name);
    expect(info?.id).not.toBe(oldId);
    expect(info?.labels[LABEL.session]).toBe(session.id);
  });

  it("fails with ImageNotAvailableError naming the resource, the image and the substitution mechanism", async () => {
    const ghost = fixture.builder.addContainer("ghost", "bosun-test/does-not-exist:1");
    const failure = await runtime.start(requestFor(ghost.resource)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImageNotAvailableError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^resource 'ghost': image 'bosun-test\/does-not-exist:1' is not available: it is not on the engine and pulling failed/);
    for (const mechanism of ["BOSUN_IMAGE_MAP", "BOSUN_REGISTRY_MIRROR", "npm run images:offline"]) expect(message).toContain(mechanism);
    expect(await fixture.engine.containers.inspect(`ghost-${session.id}`)).toBeUndefined();
  });

  it("removes the container it created when starting fails half-way (host port taken)", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      const clash = fixture.builder.addContainer("clash", "docker.io/library/redis:8.6").withEndpoint({ targetPort: 6379 }).withHostPort(port);
      const failure = await runtime.start(requestFor(clash.resource)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PortInUseError);
      expect((failure as Error).message).toBe(
        `resource 'clash': cannot start container 'clash-${session.id}': host port 127.0.0.1:${port} is already in use; ` +
          "stop whatever holds it or choose another host port",
      );
      expect(await fixture.engine.containers.inspect(`clash-${session.id}`)).toBeUndefined();
    } finally {
      holder.close();
    }
  });

  it("reports the exit code of a container that runs to completion", async () => {
    const job = fixture.builder.addContainer("job", "docker.io/library/redis:8.6").withArgs("sh", "-c", "echo done; exit 7");
    const { handle, request } = await start(job.resource);
    expect(await handle.exited).toBe(7);
    await until("the job's output", async () => (request.logs.includes("done") ? true : undefined));
  });

  it("removes the session network on close, with nothing of the session left attached", async () => {
    const own = fixture.session();
    const other = fixture.runtime(own);
    await other.open?.();
    const job = fixture.builder.addContainer("sleeper", "docker.io/library/redis:8.6").withArgs("sleep", "300");
    await other.start(requestFor(job.resource));
    expect(await fixture.engine.networks.inspect(sessionNetworkName(own))).toBeDefined();
    await other.close?.();
    expect(await fixture.engine.networks.inspect(sessionNetworkName(own))).toBeUndefined();
    expect(await fixture.engine.containers.inspect(`sleeper-${own.id}`)).toBeUndefined();
  });
});
