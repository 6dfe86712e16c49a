import { createServer, type Server } from "node:http";
import { createLogger, createMetrics } from "@bosun/service-defaults";
import { readConfig } from "./config.js";
import { createGatewayHandler } from "./gateway-server.js";

export interface RunningGateway {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Listens on PORT at HOST, or by default on both loopback addresses, since `localhost` (what bosun
 * tells consumers) resolves to 127.0.0.1 on some machines and ::1 on others.
 * @example const gateway = await startGateway(process.env);
 */
export async function startGateway(env: Readonly<Record<string, string | undefined>> = process.env): Promise<RunningGateway> {
  const logger = createLogger({ serviceName: "gateway", env });
  const config = readConfig(env);
  const handler = createGatewayHandler(config, logger, createMetrics({ serviceName: "gateway" }));
  const servers: Server[] = [];
  for (const host of config.host === "localhost" ? ["127.0.0.1", "::1"] : [config.host]) {
    const server = createServer((req, res) => void handler(req, res));
    try {
      await new Promise<void>((resolve, reject) => server.once("error", reject).listen(config.port, host, resolve));
      servers.push(server);
    } catch (error) {
      // A machine without IPv6 loopback still serves on 127.0.0.1.
      if (host !== "::1") throw error;
    }
  }
  const url = `http://${config.host}:${config.port}`;
  logger.info({ url, routes: config.routes.map((r) => `${r.publicPrefix} -> ${r.upstream} ${r.baseUrl.origin}${r.upstreamPrefix}`) }, `gateway listening on ${url}`);
  return {
    url,
    async close() {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })));
      handler.close();
    },
  };
}
