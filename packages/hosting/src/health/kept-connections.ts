import type { HealthCheck, ProbeConnection } from "../model/health-check.js";
import { beforeAbort } from "./before-abort.js";
import type { CheckContext } from "./run-health-check.js";

/** How long closing a connection may hold up the monitor; a frozen server may never answer. */
const CLOSE_WAIT_MS = 1_000;

type ConnectingCheck = Extract<HealthCheck, { kind: "probe" }> & { readonly connect: NonNullable<Extract<HealthCheck, { kind: "probe" }>["connect"]> };

/** Whether a check can keep a connection open between rounds. */
export function keepsConnection(check: HealthCheck): check is ConnectingCheck {
  return check.kind === "probe" && check.connect !== undefined;
}

/**
 * The connections a health monitor keeps open between steady-state rounds, one per check that
 * offers one (`connect`). A round on a kept connection is one round trip; a connection that fails
 * a round is closed and the next round opens a new one, which is the full check again (connect and
 * log in).
 * @example const kept = new KeptConnections(); await kept.check(check, context); …; await kept.closeAll()
 */
export class KeptConnections {
  readonly #open = new Map<ConnectingCheck, ProbeConnection>();
  #onClosed: (() => void) | undefined;

  /**
   * One round of `check` on its kept connection, opening one first when there is none. A round that
   * outlives `context.signal` (the probe's deadline) fails, and its connection is closed, even if it
   * answers later: a frozen server's connection is not kept.
   */
  async check(check: ConnectingCheck, context: CheckContext): Promise<void> {
    let connection = this.#open.get(check);
    try {
      if (!connection) {
        const opening = check.connect({ resolve: context.resolve, signal: context.signal });
        // Opened after the deadline: closed at once rather than kept by a round that already failed.
        void opening.then(
          (late) => void (context.signal.aborted && late.close().catch(() => {})),
          () => {},
        );
        connection = await beforeAbort(opening, context.signal);
        this.#keep(check, connection);
      }
      await beforeAbort(connection.check(context.signal), context.signal);
    } catch (error) {
      if (connection) await this.#drop(check, connection);
      throw error;
    }
  }

  /** Resolves when a kept connection closes by itself, or when `signal` aborts. */
  whenOneCloses(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#onClosed = undefined;
        signal.removeEventListener("abort", done);
        resolve();
      };
      if (signal.aborted) return done();
      this.#onClosed = done;
      signal.addEventListener("abort", done, { once: true });
    });
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#open].map(([check, connection]) => this.#drop(check, connection)));
  }

  #keep(check: ConnectingCheck, connection: ProbeConnection): void {
    this.#open.set(check, connection);
    void connection.closed.then(() => {
      if (this.#open.get(check) !== connection) return;
      this.#open.delete(check);
      this.#onClosed?.();
    });
  }

  async #drop(check: ConnectingCheck, connection: ProbeConnection): Promise<void> {
    if (this.#open.get(check) === connection) this.#open.delete(check);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
    await Promise.race([connection.close().catch(() => {}), waited]);
    clearTimeout(timer);
  }
}
