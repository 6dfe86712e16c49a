import { afterEach, describe, expect, it, vi } from "vitest";
import type { HealthCheck, ProbeConnection } from "../model/health-check.js";
import { monitorHealth } from "./health-monitor.js";

const context = { endpoint: () => undefined, resolve: (value: unknown) => String(value) };
const SCHEDULE = { initialDelayMs: 10, factor: 1, maxStartupDelayMs: 10, steadyDelayMs: 5_000, probeTimeoutMs: 1_000 };

/** A connection whose rounds and closing the test controls, with what happened to it. */
class FakeConnection implements ProbeConnection {
  rounds = 0;
  closedByMonitor = false;
  failNext = false;
  freezeNext = false;
  #end!: () => void;
  readonly closed = new Promise<void>((resolve) => (this.#end = resolve));

  async check(): Promise<void> {
    this.rounds++;
    if (this.freezeNext) await new Promise(() => {});
    if (this.failNext) throw new Error("connection reset");
  }

  async close(): Promise<void> {
    this.closedByMonitor = true;
    this.#end();
  }

  /** The server closes it. */
  drop(): void {
    this.#end();
  }
}

function keptCheck() {
  const connections: FakeConnection[] = [];
  let probes = 0;
  const check: HealthCheck = {
    kind: "probe",
    name: "server",
    probe: async () => void probes++,
    connect: async () => {
      const connection = new FakeConnection();
      connections.push(connection);
      return connection;
    },
  };
  return { check, connections, probes: () => probes };
}

/** Runs the monitor with fake timers; `onResult` sees every round and may stop it. */
function monitor(check: HealthCheck, onResult: (round: number, healthy: boolean, stop: () => void) => void): Promise<void> {
  const abort = new AbortController();
  let round = 0;
  return monitorHealth({ checks: [check], context, schedule: SCHEDULE, signal: abort.signal, onResult: (healthy) => onResult(++round, healthy, () => abort.abort()) });
}

describe("a health check that keeps a connection open", () => {
  afterEach(() => vi.useRealTimers());

  it("probes until first healthy, then runs every round on one kept connection, closed when the monitor ends", async () => {
    vi.useFakeTimers();
    const { check, connections, probes } = keptCheck();
    const done = monitor(check, (round, _healthy, stop) => round === 4 && stop());
    await vi.advanceTimersByTimeAsync(20_000);
    await done;
    expect({ probes: probes(), connections: connections.length, rounds: connections[0]!.rounds, closed: connections[0]!.closedByMonitor }).toEqual({
      probes: 1,
      connections: 1,
      rounds: 3,
      closed: true,
    });
  });

  it("reports a failed round as unhealthy, closes that connection and opens a new one for the next round", async () => {
    vi.useFakeTimers();
    const { check, connections } = keptCheck();
    const seen: boolean[] = [];
    const done = monitor(check, (round, healthy, stop) => {
      seen.push(healthy);
      if (round === 2) connections[0]!.failNext = true;
      if (round === 4) stop();
    });
    await vi.advanceTimersByTimeAsync(30_000);
    await done;
    expect(seen).toEqual([true, true, false, true]);
    expect(connections.map((c) => ({ rounds: c.rounds, closed: c.closedByMonitor }))).toEqual([
      { rounds: 2, closed: true },
      { rounds: 1, closed: true },
    ]);
  });

  it("runs the next round as soon as the kept connection closes by itself, on a new connection", async () => {
    vi.useFakeTimers();
    const { check, connections } = keptCheck();
    const roundsAt: number[] = [];
    const start = Date.now();
    const done = monitor(check, (round, _healthy, stop) => {
      roundsAt.push(Date.now() - start);
      if (round === 3) stop();
    });
    await vi.advanceTimersByTimeAsync(5_100);
    expect(roundsAt).toHaveLength(2);
    connections[0]!.drop();
    await vi.advanceTimersByTimeAsync(10);
    await done;
    expect(roundsAt).toHaveLength(3);
    expect(roundsAt[2]! - roundsAt[1]!).toBeLessThan(SCHEDULE.steadyDelayMs);
    expect(connections).toHaveLength(2);
  });

  it("fails a round that does not answer by the probe deadline (a frozen server) and opens a new connection for the next", async () => {
    vi.useFakeTimers();
    const { check, connections } = keptCheck();
    const seen: Array<[boolean, string | undefined]> = [];
    const abort = new AbortController();
    const done = monitorHealth({
      checks: [check],
      context,
      schedule: SCHEDULE,
      signal: abort.signal,
      onResult: (healthy, reason) => {
        seen.push([healthy, reason]);
        if (seen.length === 2) connections[0]!.freezeNext = true;
        if (seen.length === 4) abort.abort();
      },
    });
    await vi.advanceTimersByTimeAsync(30_000);
    await done;
    expect(seen).toEqual([
      [true, undefined],
      [true, undefined],
      [false, "health check 'server' failed: timed out"],
      [true, undefined],
    ]);
    expect(connections.map((c) => c.closedByMonitor)).toEqual([true, true]);
  });
});
