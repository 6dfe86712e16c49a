/** The shortest gap between the starts of two probes when a nudge brings the second one forward. */
export const NUDGED_PROBE_GAP_MS = 50;

/**
 * A sign of life from a starting resource — a new line of output such as "ready to accept
 * connections" — that brings its next start-up probe forward: the probe runs at once (but not
 * sooner than `NUDGED_PROBE_GAP_MS` after the previous one started) instead of at the end of its
 * period.
 * @example const nudge = new ProbeNudge(); onLog = () => nudge.poke(); monitorHealth({ ..., nudge })
 */
export class ProbeNudge {
  #poked = false;
  #listener: (() => void) | undefined;

  poke(): void {
    this.#poked = true;
    this.#listener?.();
  }

  /** A probe starts: what was seen so far is what it will see. */
  probing(): void {
    this.#poked = false;
  }

  /**
   * Resolves at `deadline` (epoch ms), or at `earliest` once poked (or at once when `signal`
   * aborts).
   */
  pauseUntil(deadline: number, earliest: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.#listener = undefined;
        resolve();
      };
      const wakeAt = (at: number) => {
        clearTimeout(timer);
        timer = setTimeout(done, Math.max(0, at - Date.now()));
      };
      wakeAt(this.#poked ? Math.min(earliest, deadline) : deadline);
      this.#listener = () => wakeAt(Math.min(earliest, deadline));
      signal.addEventListener("abort", done, { once: true });
    });
  }
}
