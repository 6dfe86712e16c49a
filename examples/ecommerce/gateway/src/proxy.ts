import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { RoutedRequest } from "./route-request.js";

/** Headers that describe one connection, never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host"]);

export interface ProxyOptions {
  readonly agent: Agent;
  readonly timeoutMs: number;
}

/**
 * Streams the request to the upstream and its answer back: method, path, headers (plus
 * X-Forwarded-For/-Host/-Proto) and body unchanged, status and headers as the upstream sent them.
 * An unreachable upstream is a 502, a slow one a 504, each naming the upstream.
 */
export function proxy(req: IncomingMessage, res: ServerResponse, routed: RoutedRequest, options: ProxyOptions): Promise<number> {
  const { route, upstreamPath } = routed;
  return new Promise((resolve) => {
    const upstream = request(
      {
        protocol: route.baseUrl.protocol,
        hostname: route.baseUrl.hostname,
        port: route.baseUrl.port,
        method: req.method,
        path: upstreamPath,
        headers: { ...forwardable(req.headers), ...forwardedFor(req), host: route.baseUrl.host },
        agent: options.agent,
        timeout: options.timeoutMs,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardable(answer.headers));
        answer.pipe(res);
        answer.once("end", () => resolve(answer.statusCode ?? 502));
        answer.once("error", () => resolve(answer.statusCode ?? 502));
      },
    );
    upstream.once("timeout", () => upstream.destroy(Object.assign(new Error("upstream timeout"), { code: "ETIMEDOUT" })));
    upstream.once("error", (error: NodeJS.ErrnoException) => {
      if (res.headersSent) return void (res.destroy(), resolve(502));
      const status = error.code === "ETIMEDOUT" ? 504 : 502;
      const message = status === 504 ? `${route.upstream} did not answer in time` : `${route.upstream} is unavailable`;
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ error: status === 504 ? "gateway_timeout" : "bad_gateway", message }));
      resolve(status);
    });
    req.pipe(upstream);
  });
}

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = new Set(String(headers.connection ?? "").toLowerCase().split(",").map((name) => name.trim()));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.has(name)));
}

function forwardedFor(req: IncomingMessage): IncomingHttpHeaders {
  const previous = req.headers["x-forwarded-for"];
  const address = req.socket.remoteAddress ?? "";
  return {
    "x-forwarded-for": previous ? `${previous}, ${address}` : address,
    "x-forwarded-host": req.headers.host ?? "",
    "x-forwarded-proto": "http",
  };
}
