import pg from "pg";
import type { ServiceMetrics } from "../metrics/service-metrics.js";

type ConnectCallback = ((err: Error) => void) | ((err: null, client: pg.Client) => void);

/**
 * A pg Client class that counts every physical connection attempt and failure, handed to the pool as
 * its `Client`: pool-level counting would miss the attempts a pooled client never makes.
 */
export function instrumentedClientClass(metrics: ServiceMetrics, database: string, Base: typeof pg.Client = pg.Client): typeof pg.Client {
  const labels = { database };
  return class InstrumentedClient extends Base {
    override connect(): Promise<pg.Client>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<pg.Client> | void {
      metrics.databaseConnectionAttempts.inc(labels);
      if (callback === undefined) {
        return super.connect().catch((error: unknown) => {
          metrics.databaseConnectionFailures.inc(labels);
          throw error;
        });
      }
      super.connect((error: Error | null) => {
        if (error) metrics.databaseConnectionFailures.inc(labels);
        (callback as (err: Error | null, client?: pg.Client) => void)(error, this);
      });
    }
  };
}
