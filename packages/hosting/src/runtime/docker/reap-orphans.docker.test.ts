import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABEL } from "./docker-labels.js";
import { createDockerFixture, deadPid, type DockerFixture } from "../../testing-support/docker-fixture.js";
import { downApp } from "./down-app.js";
import { reapOrphans } from "./reap-orphans.js";

let fixture: DockerFixture;

beforeAll(async () => {
  fixture = await createDockerFixture("rt-reap");
});

afterAll(async () => {
  await fixture?.cleanup();
});

interface FakeSession {
  readonly id: string;
  readonly pid: number;
  readonly host?: string;
}

function labelsOf(session: FakeSession, lifetime: "session" | "persistent" = "session"): Record<string, string> {
  return {
    [LABEL.app]: fixture.appKey,
    [LABEL.session]: session.id,
    [LABEL.pid]: String(session.pid),
    [LABEL.host]: session.host ?? hostname(),
    [LABEL.lifetime]: lifetime,
  };
}

/** What a session leaves when its AppHost is killed: its network and a running container on it. */
async function leaveBehind(session: FakeSession, name: string, lifetime: "session" | "persistent" = "session") {
  const network = `bosun-rt-reap-${fixture.builder.appHost.id}-${session.id}`;
  if (!(await fixture.engine.networks.inspect(network))) await fixture.engine.networks.create({ name: network, labels: labelsOf(session) });
  const id = await fixture.engine.containers.create({
    name,
    image: "bosun-offline/redis:7",
    env: {},
    cmd: ["sleep", "300"],
    labels: labelsOf(session, lifetime),
    ports: [],
    mounts: [],
    network: { name: network, aliases: [name] },
  });
  await fixture.engine.containers.start(id);
  return { id, network };
}

describe("reapOrphans", () => {
  it("removes the containers and network of a session whose AppHost is gone, and nothing else", async () => {
    const dead = { id: "dead01", pid: deadPid() };
    const live = { id: "live01", pid: process.pid };
    const elsewhere = { id: "away01", pid: deadPid(), host: "another-machine" };
    const orphan = await leaveBehind(dead, `orphan-${fixture.builder.appHost.id}`);
    const persistent = await leaveBehind(dead, `keeper-${fixture.builder.appHost.id}`, "persistent");
    const running = await leaveBehind(live, `running-${fixture.builder.appHost.id}`);
    const remote = await leaveBehind(elsewhere, `remote-${fixture.builder.appHost.id}`);

    const reaped = await reapOrphans({ engine: fixture.engine, appKey: fixture.appKey });

    expect(reaped).toEqual({ containers: [`orphan-${fixture.builder.appHost.id}`], networks: [orphan.network] });
    expect(await fixture.engine.containers.inspect(orphan.id)).toBeUndefined();
    expect(await fixture.engine.networks.inspect(orphan.network)).toBeUndefined();
    // The persistent container survives, detached from the dead session's network.
    expect((await fixture.engine.containers.inspect(persistent.id))?.running).toBe(true);
    expect((await fixture.engine.containers.inspect(running.id))?.running).toBe(true);
    expect(await fixture.engine.networks.inspect(running.network)).toBeDefined();
    expect((await fixture.engine.containers.inspect(remote.id))?.running).toBe(true);
    expect(await reapOrphans({ engine: fixture.engine, appKey: fixture.appKey })).toEqual({ containers: [], networks: [] });
  });
});

describe("downApp", () => {
  it("removes every container and network of the app, and its volumes only when asked", async () => {
    const live = { id: "live02", pid: process.pid };
    await leaveBehind(live, `down-a-${fixture.builder.appHost.id}`);
    await leaveBehind(live, `down-b-${fixture.builder.appHost.id}`, "persistent");
    const volume = `rt-reap-${fixture.builder.appHost.id}-data`;
    await fixture.engine.volumes.create({ name: volume, labels: { [LABEL.app]: fixture.appKey } });

    const kept = await downApp({ engine: fixture.engine, appKey: fixture.appKey, volumes: false });
    expect(kept.containers).toBeGreaterThanOrEqual(2);
    expect(kept.volumes).toBe(0);
    expect(await fixture.engine.containers.list({ labels: { [LABEL.app]: fixture.appKey }, all: true })).toEqual([]);
    expect(await fixture.engine.networks.list({ labels: { [LABEL.app]: fixture.appKey } })).toEqual([]);
    expect(await fixture.engine.volumes.inspect(volume)).toBeDefined();

    expect(await downApp({ engine: fixture.engine, appKey: fixture.appKey, volumes: true })).toEqual({ containers: 0, networks: 0, volumes: 1 });
    expect(await fixture.engine.volumes.inspect(volume)).toBeUndefined();
  });
});
