import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { HealthCheck } from "../model/health-check.js";
import type { AllocatedEndpoint } from "../model/value-resolver.js";
import { runHealthCheck, type CheckContext } from "./run-health-check.js";

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen<S extends net.Server>(server: S): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

function contextFor(scheme: string, port: number): CheckContext {
  const endpoint: AllocatedEndpoint = { scheme, hostPort: port, targetPort: port, containerHost: undefined };
  return {
    endpoint: (name) => (name === scheme ? endpoint : undefined),
    resolve: (value) => String(value),
    signal: AbortSignal.timeout(5_000),
  };
}

const httpCheck = (path: string, statusCode = 200): HealthCheck => ({ kind: "http", name: `http${path}`, endpointName: "http", path, statusCode });

describe("runHealthCheck", () => {
  it("passes an HTTP check when the endpoint answers the expected status", async () => {
    const port = await listen(http.createServer((_, response) => response.end("ok")));

    await expect(runHealthCheck(httpCheck("/health"), contextFor("http", port))).resolves.toBeUndefined();
  });

  it("fails an HTTP check with the status it got and the one it expected", async () => {
    const paths: string[] = [];
    const port = await listen(
      http.createServer((request, response) => {
        paths.push(request.url ?? "");
        response.statusCode = 503;
        response.end("starting");
      }),
    );

    await expect(runHealthCheck(httpCheck("/health"), contextFor("http", port))).rejects.toThrow("GET /health answered 503, expected 200");
    expect(paths).toEqual(["/health"]);
  });

  it("does not follow redirects: a 302 is not the expected 200", async () => {
    const port = await listen(
      http.createServer((_, response) => {
        response.writeHead(302, { location: "/login" });
        response.end();
      }),
    );

    await expect(runHealthCheck(httpCheck("/"), contextFor("http", port))).rejects.toThrow("GET / answered 302, expected 200");
  });

  it("passes a TCP check when something accepts the connection", async () => {
    const port = await listen(net.createServer((socket) => socket.end()));

    await expect(runHealthCheck({ kind: "tcp", name: "tcp", endpointName: "tcp" }, contextFor("tcp", port))).resolves.toBeUndefined();
  });

  it("fails a TCP check with ECONNREFUSED when nothing listens", async () => {
    const server = net.createServer();
    const port = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    servers.splice(servers.indexOf(server), 1);

    await expect(runHealthCheck({ kind: "tcp", name: "tcp", endpointName: "tcp" }, contextFor("tcp", port))).rejects.toMatchObject({
      code: "ECONNREFUSED",
    });
  });

  it("names the endpoint when the resource has no such endpoint", async () => {
    const context = contextFor("tcp", 1);

    await expect(runHealthCheck(httpCheck("/health"), context)).rejects.toThrow("no endpoint named 'http' to check");
  });

  it("runs a probe check with the context's renderer and signal", async () => {
    const seen: string[] = [];
    const check: HealthCheck = {
      kind: "probe",
      name: "ping",
      probe: async ({ resolve, signal }) => {
        seen.push(resolve("redis://cache"), String(signal.aborted));
        throw new Error("NOAUTH Authentication required");
      },
    };

    await expect(runHealthCheck(check, contextFor("tcp", 1))).rejects.toThrow("NOAUTH Authentication required");
    expect(seen).toEqual(["redis://cache", "false"]);
  });
});
