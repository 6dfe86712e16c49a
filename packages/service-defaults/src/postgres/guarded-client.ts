import type pg from "pg";

/**
 * A pg Client class that always listens for its own `'error'` event, handed to the pool as its
 * `Client`. pg emits `'error'` on a client whenever its connection dies (server shut down, crashed,
 * `pg_terminate_backend`), even while a query is running; pg-pool listens only while the client is
 * idle in the pool. A checked-out client (a transaction, a migration, `pool.connect()`) whose server
 * went away would otherwise make the EventEmitter throw and end the process. The client's pending
 * and later queries still fail, and the pool discards it on release because it is no longer queryable.
 * `onLost` hears the first error of a client nobody else listens to (an idle client's goes to the
 * pool's `'error'` event instead).
 * @example const Client = guardedClientClass(pg.Client, (error) => logger.warn(describeError(error)));
 */
export function guardedClientClass(Base: typeof pg.Client, onLost: (error: Error) => void): typeof pg.Client {
  return class GuardedClient extends Base {
    constructor(...args: ConstructorParameters<typeof pg.Client>) {
      super(...args);
      let reported = false;
      this.on("error", (error: Error) => {
        if (reported || this.listenerCount("error") > 1) return;
        reported = true;
        onLost(error);
      });
    }
  };
}
