import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ContainerSummary } from "../../engine/container-info.js";
import type { EngineClient } from "../../engine/engine-client.js";
import type { NetworkInfo } from "../../engine/network-client.js";
import { cleanUpSession } from "./clean-up-session.js";
import type { WatchdogConfig } from "./watchdog-config.js";

const APP = "shop-1a2b3c4d";
const labelsOf = (session: string, extra: Record<string, string> = {}) => ({
  "bosun.app": APP,
  "bosun.session": session,
  "bosun.pid": "4242",
  "bosun.host": os.hostname(),
  ...extra,
});

/** A clock that moves only when the code under test sleeps. */
function fakeClock() {
  const clock = { now: 0 };
  return { clock, now: () => clock.now, sleep: async (ms: number) => void (clock.now += ms) };
}

/** An engine holding containers and networks in memory, which refuses connections until `downUntil` on the fake clock. */
function memoryEngine(containers: ContainerSummary[], networks: NetworkInfo[], now: () => number, downUntil = 0) {
  const answer = <T>(value: () => T): Promise<T> =>
    now() < downUntil ? Promise.reject(new Error("connect ECONNREFUSED /var/run/docker.sock")) : Promise.resolve(value());
  const matches = (labels: Readonly<Record<string, string>>, filter: Record<string, string | true>) =>
    Object.entries(filter).every(([key, value]) => (value === true ? key in labels : labels[key] === value));
  return {
    containers: {
      list: ({ labels }: { labels: Record<string, string | true> }) => answer(() => containers.filter((c) => matches(c.labels, labels))),
      remove: (id: string) => answer(() => void containers.splice(containers.findIndex((c) => c.id === id), 1)),
      inspect: (id: string) => answer(() => containers.find((c) => c.id === id)),
    },
    networks: {
      list: ({ labels }: { labels: Record<string, string | true> }) => answer(() => networks.filter((n) => matches(n.labels, labels))),
      inspect: (id: string) => answer(() => networks.find((n) => n.id === id || n.name === id)),
      remove: (id: string) => answer(() => void networks.splice(networks.findIndex((n) => n.id === id), 1)),
      disconnect: () => answer(() => undefined),
    },
  } as unknown as EngineClient;
}

const container = (id: string, session: string, extra: Record<string, string> = {}): ContainerSummary => ({
  id,
  name: id,
  image: "redis:7",
  state: "running",
  labels: labelsOf(session, extra),
});
const network = (id: string, session: string): NetworkInfo => ({ id, name: id, driver: "bridge", labels: labelsOf(session), containers: [] });

function configFor(session: string, deadlineMs: number): WatchdogConfig {
  const directory = mkdtempSync(path.join(os.tmpdir(), "bosun-watchdog-"));
  return {
    sessionId: session,
    appKey: APP,
    ownerPid: 4242,
    containers: true,
    processDirectory: path.join(directory, "sessions"),
    logFile: path.join(directory, "watchdog.log"),
    deadlineMs,
  };
}

describe("cleanUpSession", () => {
  it("waits out an engine that is briefly unreachable, then removes only the dead session's containers and network", async () => {
    const containers = [container("cache-dead01", "dead01"), container("cache-live02", "live02"), container("keep-1a2b", "dead01", { "bosun.lifetime": "persistent" })];
    const networks = [network("bosun-shop-dead01", "dead01"), network("bosun-shop-live02", "live02")];
    const time = fakeClock();
    const engine = memoryEngine(containers, networks, time.now, 1_000);

    const result = await cleanUpSession(configFor("dead01", 60_000), { connect: async () => engine, ...time });

    // Refused at 0, 250, 500 and 750 ms; the engine is back at 1 s.
    expect(result).toEqual({ processes: [], containers: ["cache-dead01"], networks: ["bosun-shop-dead01"], attempts: 5 });
    expect(containers.map((c) => c.name)).toEqual(["cache-live02", "keep-1a2b"]);
    expect(networks.map((n) => n.name)).toEqual(["bosun-shop-live02"]);
  });

  it("connects again when the first connection fails", async () => {
    const containers = [container("cache-dead01", "dead01")];
    const time = fakeClock();
    const engine = memoryEngine(containers, [], time.now);
    let connections = 0;
    const result = await cleanUpSession(configFor("dead01", 60_000), {
      connect: async () => {
        connections += 1;
        if (connections < 3) throw new Error("no Docker engine reachable: tried /var/run/docker.sock (ECONNREFUSED)");
        return engine;
      },
      ...time,
    });
    expect(result.containers).toEqual(["cache-dead01"]);
    expect(connections).toBe(3);
  });

  it("gives up at its deadline, saying why, when the engine stays away", async () => {
    const time = fakeClock();
    const engine = memoryEngine([container("cache-dead01", "dead01")], [], time.now, Number.POSITIVE_INFINITY);
    const result = await cleanUpSession(configFor("dead01", 2_000), { connect: async () => engine, ...time });
    expect(result.failure).toMatch(/ECONNREFUSED/);
    expect(result.attempts).toBe(9); // at 0, 250, …, 2000 ms
    expect(time.clock.now).toBe(2_000);
  });
});
