import { afterEach, describe, expect, it, vi } from "vitest";
import type { HealthCheck } from "../model/health-check.js";
import { FAST_SCHEDULE } from "../testing-support/fake-orchestrator.js";
import { monitorHealth } from "./health-monitor.js";
import { PermanentProbeError } from "./permanent-probe-error.js";
import { ProbeNudge } from "./probe-nudge.js";

const context = { endpoint: () => undefined, resolve: (value: unknown) => String(value) };

function probe(name: string, run: () => Promise<void>): HealthCheck {
  return { kind: "probe", name, probe: run };
}

/** Runs the monitor until it has reported `rounds` results, then stops it. */
async function results(checks: HealthCheck[], rounds: number, schedule = FAST_SCHEDULE, nudge?: ProbeNudge): Promise<Array<[boolean, string | undefined]>> {
  const abort = new AbortController();
  const seen: Array<[boolean, string | undefined]> = [];
  await monitorHealth({
    checks,
    context,
    schedule,
    ...(nudge ? { nudge } : {}),
    signal: abort.signal,
    onResult: (healthy, reason) => {
      seen.push([healthy, reason]);
      if (seen.length === rounds) abort.abort();
    },
  });
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("monitorHealth", () => {
  it("names the first failing check and its error, and skips the checks after it", async () => {
    let laterRuns = 0;
    const seen = await results(
      [
        probe("server", async () => {}),
        probe("database", async () => {
          throw new Error('database "shop" does not exist');
        }),
        probe("later", async () => {
          laterRuns++;
        }),
      ],
      2,
    );

    expect(seen).toEqual([
      [false, `health check 'database' failed: database "shop" does not exist`],
      [false, `health check 'database' failed: database "shop" does not exist`],
    ]);
    expect(laterRuns).toBe(0);
  });

  it("reports healthy once every check passes, and keeps probing afterwards", async () => {
    let calls = 0;
    const seen = await results(
      [
        probe("flaky", async () => {
          calls++;
          if (calls === 1 || calls === 3) throw new Error("ECONNREFUSED");
        }),
      ],
      4,
    );

    expect(seen.map(([healthy]) => healthy)).toEqual([false, true, false, true]);
  });

  it("gives up on a probe that never answers after the probe timeout", async () => {
    const seen = await results(
      [probe("hangs", () => new Promise<void>(() => {}))],
      1,
      { ...FAST_SCHEDULE, probeTimeoutMs: 20 },
    );

    expect(seen).toEqual([[false, "health check 'hangs' failed: timed out"]]);
  });

  it("starts a start-up probe every period even when each refusal is slow, and waits the steady delay once healthy", async () => {
    vi.useFakeTimers();
    const startedAt: number[] = [];
    const schedule = { initialDelayMs: 100, factor: 1, maxStartupDelayMs: 100, steadyDelayMs: 5_000, probeTimeoutMs: 1_000 };
    const seen = results(
      [
        probe("slow refusal", async () => {
          startedAt.push(Date.now());
          await new Promise((resolve) => setTimeout(resolve, 40));
          if (startedAt.length < 4) throw new Error("ECONNREFUSED");
        }),
      ],
      5,
      schedule,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await seen;

    const gaps = startedAt.slice(1).map((at, index) => at - startedAt[index]!);
    expect(gaps).toEqual([100, 100, 100, 5_040]);
  });

  it("brings the next start-up probe forward when the resource shows a sign of life, but not within 50 ms of the last one", async () => {
    vi.useFakeTimers();
    const nudge = new ProbeNudge();
    const startedAt: number[] = [];
    const t0 = Date.now();
    const schedule = { initialDelayMs: 100, factor: 1, maxStartupDelayMs: 100, steadyDelayMs: 5_000, probeTimeoutMs: 1_000 };
    const refusing = probe("refusing", async () => {
      startedAt.push(Date.now() - t0);
      throw new Error("ECONNREFUSED");
    });
    const seen = results([refusing], 4, schedule, nudge);
    await vi.advanceTimersByTimeAsync(10);
    nudge.poke(); // 10 ms after the first probe: the next one runs at 50 ms
    await vi.advanceTimersByTimeAsync(70);
    nudge.poke(); // 30 ms after the second: the next one runs 50 ms after it, at 100 ms
    await vi.advanceTimersByTimeAsync(1_000);
    await seen;

    expect(startedAt).toEqual([0, 50, 100, 200]);
  });

  it("ends at once when its signal aborts", async () => {
    const abort = new AbortController();
    abort.abort();
    let probes = 0;

    await monitorHealth({
      checks: [probe("never", async () => void probes++)],
      context,
      schedule: FAST_SCHEDULE,
      signal: abort.signal,
      onResult: () => {},
    });

    expect(probes).toBe(0);
  });
});

describe("monitorHealth and permanent failures", () => {
  it("says which failures are permanent: a PermanentProbeError is, any other error is not", async () => {
    const abort = new AbortController();
    const seen: Array<[boolean, string | undefined, boolean]> = [];
    let round = 0;
    await monitorHealth({
      checks: [
        probe("login", async () => {
          round += 1;
          if (round === 1) throw new Error("Connection terminated unexpectedly");
          throw new PermanentProbeError("password authentication failed");
        }),
      ],
      context,
      schedule: FAST_SCHEDULE,
      signal: abort.signal,
      onResult: (healthy, reason, permanent) => {
        seen.push([healthy, reason, permanent]);
        if (seen.length === 2) abort.abort();
      },
    });
    expect(seen).toEqual([
      [false, "health check 'login' failed: Connection terminated unexpectedly", false],
      [false, "health check 'login' failed: password authentication failed", true],
    ]);
  });
});
