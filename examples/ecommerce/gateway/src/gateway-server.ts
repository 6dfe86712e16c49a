import { Agent, type IncomingMessage, type ServerResponse } from "node:http";
import { healthHandler, metricsHandler, type LoggerLike, type ServiceMetrics } from "@bosun/service-defaults";
import type { GatewayConfig } from "./config.js";
import { proxy } from "./proxy.js";
import { routeRequest } from "./route-request.js";
import { upstreamHealthCheck } from "./upstream-health.js";

export interface GatewayHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Closes the upstream connections kept alive. */
  close(): void;
}

/** The gateway's request handler: `/health` over every upstream, `/metrics`, and the proxied routes. */
export function createGatewayHandler(config: GatewayConfig, logger: LoggerLike, metrics: ServiceMetrics): GatewayHandler {
  const agent = new Agent({ keepAlive: true });
  const health = healthHandler(config.routes.map(upstreamHealthCheck), { timeoutMs: 3_000 });
  const serveMetrics = metricsHandler(metrics.registry);

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/health") return health(req, res);
    if (req.method === "GET" && path === "/metrics") return serveMetrics(req, res);
    const routed = routeRequest(req.url ?? "/", config.routes);
    if (routed === undefined) {
      res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
      return void res.end(JSON.stringify({ error: "not_found", message: `no route for ${path}` }));
    }
    const started = performance.now();
    const status = await proxy(req, res, routed, { agent, timeoutMs: config.upstreamTimeoutMs });
    logger.info({ method: req.method, path, upstream: routed.route.upstream, status, ms: Math.round(performance.now() - started) }, "proxied");
  };
  return Object.assign(handler, { close: () => agent.destroy() });
}
