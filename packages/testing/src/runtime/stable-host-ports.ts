import { createServer } from "node:net";
import type { ContainerResource } from "@bosun/hosting";
import { LOOPBACK } from "./resource-container.js";

/** How often a start is tried with fresh ports when another process took one in the meantime. */
export const STABLE_PORT_ATTEMPTS = 3;

const PORT_TAKEN = /port is already allocated|address already in use/i;

/**
 * Endpoint name → a host port that is free now, for each endpoint without a fixed one. Publishing
 * on an explicit port (rather than letting the engine pick) is what makes a container keep its
 * address when it is stopped and started again: the engine picks a new random port on every start.
 */
export async function pickHostPorts(resource: ContainerResource, keepHostPorts: boolean): Promise<Map<string, number>> {
  const ports = new Map<string, number>();
  for (const endpoint of resource.annotationsOf("endpoint")) {
    if (keepHostPorts && endpoint.port !== undefined) continue;
    ports.set(endpoint.name, await freePort(endpoint.hostIp ?? LOOPBACK));
  }
  return ports;
}

/** The engine refused a port picked up front because something bound it since. */
export function isPortTaken(error: unknown): boolean {
  return error instanceof Error && PORT_TAKEN.test(error.message);
}

async function freePort(hostIp: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, hostIp, resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
