import { probeOnce } from "./protocol-probes.js";
import { describeTarget, type WaitTarget } from "./wait-targets.js";

export interface WaitOptions {
  /** Gives up after this long, naming the dependency and the last reason. */
  readonly deadlineMs: number;
  readonly attemptTimeoutMs: number;
  /** Pause between attempts of one dependency. */
  readonly intervalMs: number;
  readonly log: (line: string) => void;
  readonly now?: () => number;
}

/** Waits for every target at once; resolves when all answer, throws when one does not in time. */
export async function waitForDependencies(targets: readonly WaitTarget[], options: WaitOptions): Promise<void> {
  await Promise.all(targets.map((target) => waitForOne(target, options)));
}

async function waitForOne(target: WaitTarget, options: WaitOptions): Promise<void> {
  const now = options.now ?? Date.now;
  const started = now();
  const what = `'${target.service}' (${describeTarget(target)}) to be ${target.kind}`;
  let lastReason = "";
  for (let attempt = 1; ; attempt++) {
    try {
      await probeOnce(target, options.attemptTimeoutMs);
      if (attempt > 1) options.log(`'${target.service}' is ${target.kind} after ${seconds(now() - started)}`);
      return;
    } catch (error) {
      const reason = (error as Error).message;
      // Say it once, then only when the reason changes, so a slow dependency does not flood the log.
      if (reason !== lastReason) options.log(`waiting for ${what}: ${reason}`);
      lastReason = reason;
    }
    if (now() - started >= options.deadlineMs) {
      throw new Error(
        `gave up waiting for ${what} after ${seconds(now() - started)}: ${lastReason}; ` +
          `check that service (docker service ps / docker service logs), or raise BOSUN_WAIT_TIMEOUT (seconds)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
