import { describe, expect, it } from "vitest";
import { retryUntilDeadline } from "./retry-until-deadline.js";

/** A clock that only moves when the code under test sleeps. */
function fakeClock() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
  };
}

describe("retryUntilDeadline", () => {
  it("keeps trying while the engine does not answer and returns the first success", async () => {
    const clock = fakeClock();
    let calls = 0;
    const outcome = await retryUntilDeadline(
      async () => {
        calls += 1;
        if (calls < 4) throw new Error("connect ECONNREFUSED /var/run/docker.sock");
        return "removed";
      },
      { deadline: 10_000, intervalMs: 250, ...clock },
    );
    expect(outcome).toEqual({ ok: true, value: "removed", attempts: 4 });
    expect(clock.slept).toEqual([250, 250, 250]);
  });

  it("gives up at its deadline with the last failure instead of retrying forever", async () => {
    const clock = fakeClock();
    let calls = 0;
    const outcome = await retryUntilDeadline(
      async () => {
        calls += 1;
        throw new Error(`engine down (attempt ${calls})`);
      },
      { deadline: 1_000, intervalMs: 250, ...clock },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.attempts).toBe(5);
    expect(!outcome.ok && (outcome.error as Error).message).toBe("engine down (attempt 5)");
    expect(clock.now()).toBeLessThanOrEqual(1_000);
  });
});
