import net from "node:net";
import type { HealthCheck } from "../model/health-check.js";
import type { ExpressionValue } from "../model/expression.js";
import type { AllocatedEndpoint } from "../model/value-resolver.js";

/** What a check needs at run time: the resource's endpoints as seen from the host, and a renderer. */
export interface CheckContext {
  readonly endpoint: (name: string) => AllocatedEndpoint | undefined;
  readonly resolve: (value: ExpressionValue) => string;
  readonly signal: AbortSignal;
}

/** Runs one check once; resolves when healthy, throws an Error saying why not. */
export async function runHealthCheck(check: HealthCheck, context: CheckContext): Promise<void> {
  switch (check.kind) {
    case "probe":
      return check.probe({ resolve: context.resolve, signal: context.signal });
    case "tcp":
      return probeTcp(requireEndpoint(check.endpointName, context).hostPort, context.signal);
    case "http":
      return probeHttp(check, requireEndpoint(check.endpointName, context), context.signal);
  }
}

function requireEndpoint(name: string, context: CheckContext): AllocatedEndpoint {
  const endpoint = context.endpoint(name);
  if (!endpoint) throw new Error(`no endpoint named '${name}' to check`);
  return endpoint;
}

async function probeHttp(check: Extract<HealthCheck, { kind: "http" }>, endpoint: AllocatedEndpoint, signal: AbortSignal): Promise<void> {
  const url = `${endpoint.scheme}://localhost:${endpoint.hostPort}${check.path}`;
  const response = await fetch(url, { signal, redirect: "manual" });
  await response.body?.cancel();
  if (response.status !== check.statusCode) throw new Error(`GET ${check.path} answered ${response.status}, expected ${check.statusCode}`);
}

function probeTcp(port: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port, signal });
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", (error) => reject(error));
  });
}
