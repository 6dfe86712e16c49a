import { describeError } from "../errors/describe-error.js";
import type { HealthCheck } from "../model/health-check.js";
import { nextStartupDelay, sleep, type ProbeSchedule } from "./backoff.js";
import { beforeAbort } from "./before-abort.js";
import { KeptConnections, keepsConnection } from "./kept-connections.js";
import { isPermanentProbeError } from "./permanent-probe-error.js";
import { NUDGED_PROBE_GAP_MS, ProbeNudge } from "./probe-nudge.js";
import { runHealthCheck, type CheckContext } from "./run-health-check.js";

export interface HealthMonitorOptions {
  readonly checks: readonly HealthCheck[];
  readonly context: Omit<CheckContext, "signal">;
  readonly schedule: ProbeSchedule;
  /** Ends the monitor. */
  readonly signal: AbortSignal;
  /**
   * Called after every round; `reason` names the failing check and its error, and `permanent` says
   * the check threw a PermanentProbeError (probing again cannot help).
   */
  readonly onResult: (healthy: boolean, reason: string | undefined, permanent: boolean) => void;
  /** Brings the next start-up probe forward when the resource shows a sign of life (new output). */
  readonly nudge?: ProbeNudge;
}

/**
 * Probes until `signal` aborts: every 50–100 ms until first healthy (sooner after new output, see
 * ProbeNudge), then every few seconds, so health changes after start-up are reported too. Once
 * healthy, a check that can keep a connection open (`connect`) runs its rounds on that connection,
 * and a kept connection that closes brings the next round forward (see KeptConnections).
 */
export async function monitorHealth(options: HealthMonitorOptions): Promise<void> {
  const kept = new KeptConnections();
  try {
    await probeUntilAborted(options, kept);
  } finally {
    await kept.closeAll();
  }
}

async function probeUntilAborted(options: HealthMonitorOptions, kept: KeptConnections): Promise<void> {
  const { schedule, signal } = options;
  let everHealthy = false;
  let delay: number | undefined;
  const nudge = options.nudge ?? new ProbeNudge();
  while (!signal.aborted) {
    const probedAt = Date.now();
    nudge.probing();
    const failure = await firstFailure(options, everHealthy ? kept : undefined);
    if (signal.aborted) return;
    options.onResult(failure === undefined, failure?.reason, failure?.permanent ?? false);
    everHealthy ||= failure === undefined;
    if (everHealthy) {
      await steadyPause(schedule.steadyDelayMs, kept, signal);
      continue;
    }
    // Counted from the probe's start, so a slow refusal does not stretch the gap to the next one.
    delay = nextStartupDelay(schedule, delay);
    await nudge.pauseUntil(probedAt + delay, probedAt + NUDGED_PROBE_GAP_MS, signal);
  }
}

/** The steady delay, cut short when a kept connection closes. */
async function steadyPause(ms: number, kept: KeptConnections, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  const pause = new AbortController();
  const outer = () => pause.abort();
  signal.addEventListener("abort", outer, { once: true });
  await Promise.race([sleep(ms, pause.signal), kept.whenOneCloses(pause.signal)]);
  pause.abort();
  signal.removeEventListener("abort", outer);
}

/** The first failing check of one round; on kept connections where there are some, once healthy. */
async function firstFailure(options: HealthMonitorOptions, kept: KeptConnections | undefined): Promise<{ reason: string; permanent: boolean } | undefined> {
  for (const check of options.checks) {
    const deadline = probeDeadline(options.signal, options.schedule.probeTimeoutMs);
    const context = { ...options.context, signal: deadline.signal };
    try {
      await beforeAbort(kept && keepsConnection(check) ? kept.check(check, context) : runHealthCheck(check, context), deadline.signal);
    } catch (error) {
      return { reason: `health check '${check.name}' failed: ${describeError(error)}`, permanent: isPermanentProbeError(error) };
    } finally {
      deadline.clear();
    }
  }
  return undefined;
}

/**
 * A signal that aborts after `ms` or with `outer`. A plain timer, not `AbortSignal.timeout` inside
 * `AbortSignal.any`: Node holds those sources weakly, and a collected timeout never fires, which
 * left a hanging probe hanging for good.
 */
function probeDeadline(outer: AbortSignal, ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, ms);
  outer.addEventListener("abort", abort, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      outer.removeEventListener("abort", abort);
    },
  };
}
