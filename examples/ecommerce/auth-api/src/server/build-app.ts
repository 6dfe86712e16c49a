import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { DependencyUnavailableError, isTransientDatabaseError, type HealthCheck, type ServiceMetrics } from "@bosun/service-defaults";
import type { AuthService } from "../auth/auth-service.js";
import { authRoutes } from "./routes/auth-routes.js";
import { operationsRoutes } from "./routes/operations-routes.js";

export interface BuildAppOptions {
  readonly auth: AuthService;
  readonly checks: readonly HealthCheck[];
  readonly registry: ServiceMetrics["registry"];
  readonly logger: FastifyBaseLogger;
  readonly trustProxy: string;
}

/** The HTTP surface; everything it needs is passed in, so tests can build it over fakes. */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const app = Fastify({ loggerInstance: options.logger, trustProxy: options.trustProxy, bodyLimit: 64 * 1024 });
  app.setErrorHandler((error: Error & { validation?: unknown; statusCode?: number }, request, reply) => {
    if (error.validation) return reply.code(400).send({ error: "invalid_request", message: error.message });
    if (error instanceof DependencyUnavailableError || isTransientDatabaseError(error)) {
      request.log.warn({ err: error }, "dependency unavailable");
      return reply.code(503).header("retry-after", "5").send({ error: "unavailable", message: "a service this API depends on is unavailable; try again shortly" });
    }
    if (error.statusCode !== undefined && error.statusCode < 500) return reply.code(error.statusCode).send({ error: "bad_request", message: error.message });
    request.log.error({ err: error }, "request failed");
    return reply.code(500).send({ error: "internal", message: "something went wrong" });
  });
  authRoutes(app, options.auth);
  operationsRoutes(app, options.checks, options.registry);
  return app;
}
