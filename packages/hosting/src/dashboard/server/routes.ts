import type { IncomingMessage, ServerResponse } from "node:http";
import { describeError } from "../../errors/describe-error.js";
import type { LogStore } from "../log-store.js";
import type { Snapshot } from "../protocol.js";
import type { ResourceViews } from "../resource-views.js";
import { SESSION_COOKIE, type DashboardAccess } from "./access.js";
import { handleApi, wholeNumber, type ApiContext } from "./api-routes.js";
import { EventStream } from "./event-stream.js";
import { SECURITY_HEADERS, sendError, sendPage, sendText } from "./responses.js";
import { serveStatic } from "./static-files.js";

/** What answering a request needs. */
export interface RouteContext {
  readonly app: ApiContext["app"];
  readonly views: ResourceViews;
  readonly store: LogStore;
  readonly access: DashboardAccess;
  readonly streams: Set<EventStream>;
  readonly snapshot: () => Snapshot;
  readonly bundleDirectory?: string;
}

/**
 * Every request, in this order: the security headers; the Host check (DNS rebinding); the login;
 * the Origin check for commands and the stream; the session; then the stream, the API or a file.
 */
export function handleRequest(context: RouteContext, request: IncomingMessage, response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  route(context, request, response).catch((error: unknown) => {
    if (!response.headersSent) sendError(response, 500, `the dashboard failed to answer: ${describeError(error)}`);
    else response.destroy();
  });
}

async function route(context: RouteContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { access } = context;
  const { port } = access;
  if (!access.isOwnHost(request)) return sendText(response, 421, `this dashboard answers only as http://127.0.0.1:${port}/ or http://localhost:${port}/`);
  const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
  if (url.pathname === "/login") return login(access, url, response);
  const changes = request.method !== "GET" && request.method !== "HEAD";
  if ((changes || url.pathname === "/api/stream") && !access.isOwnOrigin(request)) {
    return sendError(response, 403, `requests from ${request.headers.origin} are refused; open the dashboard at http://127.0.0.1:${port}/`);
  }
  const api = url.pathname.startsWith("/api/");
  if (!access.isSignedIn(request)) return notSignedIn(response, api);
  if (url.pathname === "/api/stream") return openStream(context, request, response, url);
  if (api) {
    if (!handleApi(context, request, response, url)) sendError(response, 404, `no API at ${url.pathname}; see docs/dashboard.md`);
    return;
  }
  if (request.method === "GET" && (await serveStatic(response, url.pathname, context.bundleDirectory))) return;
  sendPage(response, 404, "Not found", `Nothing at ${url.pathname}. The dashboard is at /.`);
}

function openStream(context: RouteContext, request: IncomingMessage, response: ServerResponse, url: URL): void {
  const since = resumeCursor(request, url);
  if (since === null) return sendError(response, 400, "Last-Event-ID and since must be whole numbers (the seq of the last line received)");
  context.streams.add(new EventStream(response, context.store, context.snapshot(), since, (closed) => context.streams.delete(closed)));
}

function login(access: DashboardAccess, url: URL, response: ServerResponse): void {
  if (access.token === undefined) return void response.writeHead(303, { Location: "/" }).end();
  const session = access.login(url.searchParams.get("t"));
  if (!session) return sendPage(response, 401, "Not signed in", "This login link is not valid for this run. Open the dashboard URL printed by `run` in the terminal (it changes every run).");
  response.writeHead(303, { "Set-Cookie": `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`, Location: "/", "Cache-Control": "no-store" });
  response.end();
}

function notSignedIn(response: ServerResponse, api: boolean): void {
  const sentence = "Open the dashboard URL printed by `run` in the terminal (http://127.0.0.1:PORT/login?t=…); it signs this browser in for the run.";
  if (api) sendError(response, 401, `not signed in. ${sentence}`);
  else sendPage(response, 401, "Not signed in", sentence);
}

/** Last-Event-ID (EventSource's reconnect) or ?since=; undefined: only new lines; null: not a number. */
function resumeCursor(request: IncomingMessage, url: URL): number | undefined | null {
  const given = request.headers["last-event-id"] ?? url.searchParams.get("since");
  return typeof given === "string" ? wholeNumber(given) : undefined;
}
