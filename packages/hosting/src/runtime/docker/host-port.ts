import { createServer } from "node:net";
import type { ContainerSummary } from "../../engine/container-info.js";
import type { EngineClient } from "../../engine/engine-client.js";

/** Whether something already listens on `hostIp:port`: bind a throw-away server there and see. */
export function isHostPortFree(hostIp: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ host: hostIp, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

const ANY_ADDRESS = new Set(["0.0.0.0", "::", ""]);

/** The running container that publishes `port` on `hostIp` (or on every interface), if one does. */
export async function containerPublishing(engine: EngineClient, hostIp: string, port: number): Promise<ContainerSummary | undefined> {
  const running = await engine.containers.list({ labels: {}, all: false });
  for (const summary of running) {
    const info = await engine.containers.inspect(summary.id);
    const publishes = info?.ports.some((p) => p.hostPort === port && (p.hostIp === hostIp || ANY_ADDRESS.has(p.hostIp) || ANY_ADDRESS.has(hostIp)));
    if (publishes) return summary;
  }
  return undefined;
}
