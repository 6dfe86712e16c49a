import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics, type LoggerLike } from "@bosun/service-defaults";
import type { GatewayConfig } from "./config.js";
import { createGatewayHandler } from "./gateway-server.js";

const silent: LoggerLike = { debug() {}, info() {}, warn() {}, error() {} };
const servers: Server[] = [];

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function gatewayTo(upstreamUrl: string, timeoutMs = 5_000): Promise<string> {
  const config: GatewayConfig = {
    port: 0,
    host: "127.0.0.1",
    routes: [{ upstream: "auth-api", baseUrl: new URL(upstreamUrl), publicPrefix: "/api/auth", upstreamPrefix: "/auth" }],
    upstreamTimeoutMs: timeoutMs,
  };
  const handler = createGatewayHandler(config, silent, createMetrics({ serviceName: "gateway", processMetrics: false }));
  return listen((req, res) => void handler(req, res));
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe("gateway", () => {
  it("forwards method, rewritten path, headers and body, and returns status, headers and body unchanged", async () => {
    let seen: { method?: string; url?: string; headers?: IncomingMessage["headers"]; body?: string } = {};
    const upstream = await listen((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body };
        res.writeHead(423, { "content-type": "application/json", "retry-after": "300", "set-cookie": ["a=1", "b=2"] });
        res.end(JSON.stringify({ error: "locked_out" }));
      });
    });
    const gateway = await gatewayTo(upstream);
    const response = await fetch(`${gateway}/api/auth/login?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer abc", "x-forwarded-for": "203.0.113.9" },
      body: JSON.stringify({ email: "ada@example.com", password: "pw" }),
      signal: AbortSignal.timeout(5_000),
    });
    expect(response.status).toBe(423);
    expect(response.headers.get("retry-after")).toBe("300");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.json()).toEqual({ error: "locked_out" });
    expect(seen).toMatchObject({ method: "POST", url: "/auth/login?x=1", body: JSON.stringify({ email: "ada@example.com", password: "pw" }) });
    expect(seen.headers).toMatchObject({
      authorization: "Bearer abc",
      "content-type": "application/json",
      host: new URL(upstream).host,
      "x-forwarded-for": "203.0.113.9, 127.0.0.1",
      "x-forwarded-proto": "http",
      "x-forwarded-host": new URL(gateway).host,
    });
  });

  it("drops hop-by-hop headers, including those the Connection header names", async () => {
    let seen: IncomingMessage["headers"] = {};
    const upstream = await listen((req, res) => {
      seen = req.headers;
      res.end();
    });
    const gateway = new URL(await gatewayTo(upstream));
    await new Promise<void>((resolve, reject) => {
      const req = request(
        { host: gateway.hostname, port: gateway.port, path: "/api/auth/me", headers: { connection: "keep-alive, x-hop", "keep-alive": "timeout=5", "x-hop": "1", "x-end": "2" } },
        (res) => res.resume().on("end", resolve),
      );
      req.on("error", reject).end();
    });
    expect(seen).toMatchObject({ "x-end": "2" });
    expect(seen).not.toHaveProperty("x-hop");
    expect(seen).not.toHaveProperty("keep-alive");
  });

  it("answers 502 naming the upstream when it is not listening, and 404 outside its routes", async () => {
    const closed = await listen(() => {});
    servers.pop()!.close();
    const gateway = await gatewayTo(closed);
    const down = await fetch(`${gateway}/api/auth/login`, { method: "POST", signal: AbortSignal.timeout(5_000) });
    expect(down.status).toBe(502);
    expect(await down.json()).toEqual({ error: "bad_gateway", message: "auth-api is unavailable" });
    expect((await fetch(`${gateway}/api/orders`, { signal: AbortSignal.timeout(5_000) })).status).toBe(404);
  });

  it("answers 504 when the upstream does not answer in time", async () => {
    const upstream = await listen(() => {});
    const gateway = await gatewayTo(upstream, 100);
    const slow = await fetch(`${gateway}/api/auth/me`, { signal: AbortSignal.timeout(5_000) });
    expect(slow.status).toBe(504);
  });

  it("is healthy when every upstream is, and otherwise answers 503 naming it and what it reported", async () => {
    let upstreamHealth = { status: 200, body: { status: "Healthy", failing: [] as string[] } };
    const upstream = await listen((_req, res) => {
      res.writeHead(upstreamHealth.status, { "content-type": "application/json" });
      res.end(JSON.stringify(upstreamHealth.body));
    });
    const gateway = await gatewayTo(upstream);
    const healthy = await fetch(`${gateway}/health`, { signal: AbortSignal.timeout(5_000) });
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: "Healthy", checks: { "auth-api": { status: "Healthy" } } });

    upstreamHealth = { status: 503, body: { status: "Unhealthy", failing: ["database"] } };
    const unhealthy = await fetch(`${gateway}/health`, { signal: AbortSignal.timeout(5_000) });
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.json()).toMatchObject({
      status: "Unhealthy",
      failing: ["auth-api"],
      checks: { "auth-api": { status: "Unhealthy", error: "auth-api answered 503 (failing: database)" } },
    });
  });
});
