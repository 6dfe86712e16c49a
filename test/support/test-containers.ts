import { randomBytes } from "node:crypto";
import type { ContainerSpec, EngineClient } from "@bosun/hosting/runtime";

export const TEST_APP_LABEL = { "bosun.app": "bosun-tests" } as const;

export interface StartedContainer {
  readonly id: string;
  readonly name: string;
  /** The 127.0.0.1 port the engine published for `containerPort`. */
  hostPort(containerPort: number): number;
  /** The container's last log lines, to explain a failed probe. */
  recentLogs(lines?: number): Promise<string>;
}

/** Creates and starts a labelled container whose ports the engine publishes on 127.0.0.1. */
export async function startTestContainer(
  engine: EngineClient,
  spec: Omit<ContainerSpec, "name" | "labels" | "mounts"> & { readonly name: string },
): Promise<StartedContainer> {
  const name = `bosun-test-${spec.name}-${randomBytes(4).toString("hex")}`;
  if (!(await engine.images.exists(spec.image))) await engine.images.pull(spec.image);
  const id = await engine.containers.create({ ...spec, name, labels: { ...TEST_APP_LABEL }, mounts: [] });
  try {
    await engine.containers.start(id);
  } catch (error) {
    // The caller never learns the id of a container that failed to start, so nobody else removes it.
    await engine.containers.remove(id, { force: true, removeVolumes: true });
    throw error;
  }
  const info = await engine.containers.inspect(id);
  const ports = new Map((info?.ports ?? []).map((port) => [port.containerPort, port.hostPort]));
  return {
    id,
    name,
    hostPort(containerPort) {
      const port = ports.get(containerPort);
      if (port === undefined) throw new Error(`container ${name} publishes no port for ${containerPort}`);
      return port;
    },
    async recentLogs(count = 30) {
      const lines: string[] = [];
      const logs = await engine.containers.logs(id, { follow: false, onLine: (_stream, line) => lines.push(line) });
      await logs.ended;
      return lines.slice(-count).join("\n");
    },
  };
}
