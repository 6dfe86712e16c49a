import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImageNotAvailableError, PortInUseError } from "../errors/bosun-error.js";
import { loadImageSubstitution } from "../images/index.js";
import { connectEngine, type ContainerSpec, type EngineClient, type LogStreamName } from "./index.js";

const SESSION = randomBytes(4).toString("hex");
const LABELS = { "bosun.app": "bosun-tests", "bosun.session": SESSION };
// Any image with a POSIX shell will do; the redis image (or its offline stand-in) is one we need anyway.
const IMAGE = loadImageSubstitution({ env: process.env, cwd: process.cwd() }).substitute("docker.io/library/redis:8.6").image;
const SCRIPT = [
  "trap 'echo got TERM; exit 0' TERM",
  "echo hello from stdout",
  "echo hello from stderr >&2",
  "while true; do sleep 0.1; done",
].join("; ");

let engine: EngineClient;

function shellContainer(name: string, overrides: Partial<ContainerSpec> = {}): ContainerSpec {
  return {
    name: `bosun-test-${SESSION}-${name}`,
    image: IMAGE,
    entrypoint: ["sh", "-c"],
    cmd: [SCRIPT],
    env: { GREETING: "hi" },
    labels: LABELS,
    ports: [],
    mounts: [],
    ...overrides,
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  engine = await connectEngine();
  if (!(await engine.images.exists(IMAGE))) await engine.images.pull(IMAGE);
});

afterAll(async () => {
  if (!engine) return;
  for (const container of await engine.containers.list({ labels: { "bosun.session": SESSION }, all: true })) {
    await engine.containers.remove(container.id, { force: true, removeVolumes: true });
  }
  for (const network of await engine.networks.list({ labels: { "bosun.session": SESSION } })) await engine.networks.remove(network.id);
  for (const volume of await engine.volumes.list({ labels: { "bosun.session": SESSION } })) await engine.volumes.remove(volume.name);
});

describe("EngineClient against a real engine", () => {
  it("describes the engine it found", async () => {
    const info = await engine.info();
    expect(engine.endpoint).toMatch(/^(DOCKER_HOST=|docker context |default socket )/);
    expect(info.serverVersion).not.toBe("");
    expect(info.cpus).toBeGreaterThan(0);
    expect(info.memoryBytes).toBeGreaterThan(0);
    await expect(engine.ping()).resolves.toBeUndefined();
  });

  it("creates, starts, inspects, logs, execs, stops and removes a container", async () => {
    const id = await engine.containers.create(shellContainer("life", { ports: [{ containerPort: 8080 }] }));
    await engine.containers.start(id);

    const info = await engine.containers.inspect(id);
    expect(info).toMatchObject({ id, name: `bosun-test-${SESSION}-life`, state: "running", running: true, labels: LABELS });
    expect(info?.startedAt).toBeInstanceOf(Date);
    expect(info?.ports).toEqual([{ containerPort: 8080, protocol: "tcp", hostIp: "127.0.0.1", hostPort: expect.any(Number) as number }]);
    expect(info?.ports[0]?.hostPort).toBeGreaterThan(0);

    const lines: [LogStreamName, string][] = [];
    const logs = await engine.containers.logs(id, { follow: true, onLine: (stream, line) => lines.push([stream, line]) });
    await until("both greetings in the logs", () => (lines.length >= 2 ? true : undefined));
    // The engine keeps order within a stream, not across stdout and stderr.
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(expect.arrayContaining([["stdout", "hello from stdout"], ["stderr", "hello from stderr"]]));

    const exec = await engine.containers.exec(id, ["sh", "-c", 'echo "$GREETING out"; echo err >&2; exit 3']);
    expect(exec).toEqual({ exitCode: 3, output: expect.stringMatching(/hi out|err/) as string, stdout: "hi out", stderr: "err" });

    const listed = await engine.containers.list({ labels: { "bosun.session": SESSION, "bosun.app": true }, all: false });
    expect(listed.map((c) => c.id)).toContain(id);

    const exited = engine.containers.wait(id);
    await engine.containers.stop(id, { timeoutSeconds: 10 });
    await expect(exited).resolves.toBe(0);
    await logs.ended;
    expect(lines.at(-1)).toEqual(["stdout", "got TERM"]);
    expect(await engine.containers.inspect(id)).toMatchObject({ state: "exited", running: false, exitCode: 0 });

    await engine.containers.stop(id, { timeoutSeconds: 1 });
    await engine.containers.remove(id, { force: false, removeVolumes: true });
    expect(await engine.containers.inspect(id)).toBeUndefined();
    await expect(engine.containers.remove(id, { force: true, removeVolumes: true })).resolves.toBeUndefined();
  });

  it("reads the logs of a stopped container without following", async () => {
    const id = await engine.containers.create(shellContainer("echo", { cmd: ["echo one; echo two >&2; printf three; echo four >&2"] }));
    await engine.containers.start(id);
    expect(await engine.containers.wait(id)).toBe(0);
    const lines: string[] = [];
    const logs = await engine.containers.logs(id, { follow: false, onLine: (stream, line) => lines.push(`${stream}:${line}`) });
    await logs.ended;
    expect(lines.filter((line) => line.startsWith("stdout:"))).toEqual(["stdout:one", "stdout:three"]);
    expect(lines.filter((line) => line.startsWith("stderr:"))).toEqual(["stderr:two", "stderr:four"]);
  });

  it("ends a follow of a container that writes nothing as soon as it is stopped (Podman answers such a request only at the first line)", async () => {
    const id = await engine.containers.create(shellContainer("quiet", { cmd: ["while true; do sleep 0.1; done"] }));
    await engine.containers.start(id);
    const logs = await engine.containers.logs(id, { follow: true, onLine: () => {} });
    logs.stop();
    const timedOut = new Promise<"still open">((resolve) => setTimeout(() => resolve("still open"), 10_000).unref());
    await expect(Promise.race([logs.ended.then(() => "ended" as const), timedOut])).resolves.toBe("ended");
    await engine.containers.remove(id, { force: true, removeVolumes: true });
  });

  it("waits for several containers at once, for one that has already exited, and gives up a wait when asked", async () => {
    const exitsWith = async (name: string, code: number, after: string) => {
      const id = await engine.containers.create(shellContainer(name, { cmd: [`sleep ${after}; exit ${code}`] }));
      await engine.containers.start(id);
      return id;
    };
    const [three, five] = await Promise.all([exitsWith("three", 3, "1"), exitsWith("five", 5, "2")]);
    const quiet = await engine.containers.create(shellContainer("waited-in-vain", { cmd: ["while true; do sleep 0.1; done"] }));
    await engine.containers.start(quiet);
    const abandoned = new AbortController();
    const inVain = engine.containers.wait(quiet, { signal: abandoned.signal });

    await expect(Promise.all([engine.containers.wait(three), engine.containers.wait(five)])).resolves.toEqual([3, 5]);
    await expect(engine.containers.wait(three)).resolves.toBe(3);
    abandoned.abort();
    await expect(inVain).rejects.toThrow();
    expect(await engine.containers.inspect(quiet)).toMatchObject({ running: true });
    for (const id of [three, five, quiet]) await engine.containers.remove(id, { force: true, removeVolumes: true });
  });

  it("delivers a signal with kill", async () => {
    const id = await engine.containers.create(shellContainer("kill"));
    await engine.containers.start(id);
    const exited = engine.containers.wait(id);
    await engine.containers.kill(id, "SIGKILL");
    await expect(exited).resolves.toBe(137);
    await expect(engine.containers.kill(id, "SIGTERM")).resolves.toBeUndefined();
  });

  it("attaches a container to a labelled network under an alias", async () => {
    const name = `bosun-test-${SESSION}-net`;
    const networkId = await engine.networks.create({ name, labels: LABELS });
    expect((await engine.networks.list({ labels: { "bosun.session": SESSION } })).map((n) => n.name)).toEqual([name]);
    expect(await engine.networks.list({ labels: { "bosun.session": "no-such-session" } })).toEqual([]);

    const server = await engine.containers.create(shellContainer("server", { network: { name, aliases: ["db"] } }));
    const client = await engine.containers.create(shellContainer("client", { network: { name, aliases: ["client"] } }));
    await engine.containers.start(server);
    await engine.containers.start(client);
    const lookup = await engine.containers.exec(client, ["getent", "hosts", "db"]);
    expect(lookup.exitCode).toBe(0);

    const network = await engine.networks.inspect(networkId);
    expect(network).toMatchObject({ id: networkId, name, driver: "bridge", labels: LABELS });
    expect(network?.containers.map((c) => c.id).sort()).toEqual([server, client].sort());

    for (const id of [server, client]) await engine.containers.remove(id, { force: true, removeVolumes: true });
    await engine.networks.remove(name);
    expect(await engine.networks.inspect(name)).toBeUndefined();
    await expect(engine.networks.remove(name)).resolves.toBeUndefined();
  });

  it("creates, lists, inspects and removes a labelled volume", async () => {
    const name = `bosun-test-${SESSION}-data`;
    expect(await engine.volumes.create({ name, labels: LABELS })).toMatchObject({ name, labels: LABELS });
    expect((await engine.volumes.list({ labels: { "bosun.session": SESSION } })).map((v) => v.name)).toEqual([name]);
    expect(await engine.volumes.inspect(name)).toMatchObject({ name, driver: "local" });
    await engine.volumes.remove(name);
    expect(await engine.volumes.inspect(name)).toBeUndefined();
  });

  it("reports a host port that is already taken as PortInUseError", async () => {
    const first = await engine.containers.create(shellContainer("port-a", { ports: [{ containerPort: 80 }] }));
    await engine.containers.start(first);
    const hostPort = (await engine.containers.inspect(first))?.ports[0]?.hostPort;
    const second = await engine.containers.create(shellContainer("port-b", { ports: [{ containerPort: 80, hostPort }] }));
    const error = await engine.containers.start(second).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toBe(
      `cannot start container '${second}': host port 127.0.0.1:${hostPort} is already in use; stop whatever holds it or choose another host port`,
    );
  });

  it("reports a missing image as ImageNotAvailableError", async () => {
    const image = `bosun-test/no-such-image:${SESSION}`;
    const error = await engine.containers.create(shellContainer("ghost", { image })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageNotAvailableError);
    expect((error as Error).message).toContain(`image '${image}' is not present on the engine`);
    expect(await engine.images.inspect(image)).toBeUndefined();
    expect(await engine.images.exists(IMAGE)).toBe(true);
  });
});
