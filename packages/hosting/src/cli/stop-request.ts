import { endedLauncher, launchersOf } from "./launcher-watch.js";

/** Signals that ask `run` to stop: Ctrl-C, a stop button or `kill`, a closed terminal. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const satisfies readonly NodeJS.Signals[];
/** A signal relayed by a wrapper (npx, tsx) arrives twice within moments; that is still one request. */
const REPEAT_WINDOW_MS = 1_000;
const LAUNCHER_POLL_MS = 1_000;

export interface StopRequestOptions {
  /** Says why the app stops, or what happens on a second signal. */
  readonly message: (text: string) => void;
  /** Called on a second signal after the repeat window: the caller exits at once. */
  readonly onRepeat: (signal: NodeJS.Signals) => void;
}

/**
 * Resolves on the first request to stop: SIGINT, SIGTERM or SIGHUP, or the command that launched
 * this AppHost (`npx`, `npm run`, tsx's wrapper) ending without passing a signal on, which would
 * otherwise leave it running with nobody to stop it. A later signal calls `onRepeat`.
 * @example await waitForStopRequest({ message: console.log, onRepeat: () => process.exit(130) })
 */
export function waitForStopRequest(options: StopRequestOptions): Promise<void> {
  return new Promise((resolve) => {
    let firstAt: number | undefined;
    const request = () => {
      if (firstAt !== undefined) return false;
      firstAt = Date.now();
      clearInterval(poll);
      resolve();
      return true;
    };
    const onSignal = (signal: NodeJS.Signals) => {
      if (!request() && Date.now() - firstAt! > REPEAT_WINDOW_MS) options.onRepeat(signal);
    };
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
    const firstParentPid = process.ppid;
    const launchers = launchersOf(firstParentPid);
    const poll = setInterval(() => {
      const ended = endedLauncher(launchers, firstParentPid, process.ppid);
      if (ended && request()) options.message(`the command that started this AppHost ended (${ended.name}, pid ${ended.pid}): stopping`);
    }, LAUNCHER_POLL_MS);
    poll.unref();
  });
}
