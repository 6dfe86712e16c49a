import type { FastifyInstance } from "fastify";
import { healthStatusCode, runHealthChecks, type HealthCheck, type ServiceMetrics } from "@bosun/service-defaults";

/** GET /health (200 or 503 naming the failing checks) and GET /metrics (Prometheus text). */
export function operationsRoutes(app: FastifyInstance, checks: readonly HealthCheck[], registry: ServiceMetrics["registry"]): void {
  app.get("/health", { logLevel: "warn" }, async (_request, reply) => {
    const report = await runHealthChecks(checks);
    return reply.code(healthStatusCode(report)).header("cache-control", "no-store").send(report);
  });

  app.get("/metrics", { logLevel: "warn" }, async (_request, reply) => {
    return reply.header("content-type", registry.contentType).send(await registry.metrics());
  });
}
