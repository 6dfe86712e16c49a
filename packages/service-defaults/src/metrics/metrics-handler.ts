import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

/**
 * A node:http handler serving the registry in the Prometheus text format, for `GET /metrics`.
 * @example if (req.url === "/metrics") return metricsHandler(metrics.registry)(req, res);
 */
export function metricsHandler(registry: Registry): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (_req, res) => {
    const body = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType });
    res.end(body);
  };
}
