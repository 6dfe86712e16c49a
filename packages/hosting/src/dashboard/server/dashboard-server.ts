import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { RunningApp } from "../../app/running-app.js";
import { describeError } from "../../errors/describe-error.js";
import type { Resource } from "../../model/resource.js";
import { DEFAULT_DASHBOARD_PORT } from "../dashboard-defaults.js";
import type { LogStore } from "../log-store.js";
import type { Snapshot } from "../protocol.js";
import { relayResourceChanges } from "../resource-relay.js";
import { ResourceViews } from "../resource-views.js";
import { DashboardAccess, SESSION_COOKIE } from "./access.js";
import { handleApi } from "./api-routes.js";
import { EventStream } from "./event-stream.js";
import { SECURITY_HEADERS, sendError, sendPage, sendText } from "./responses.js";
import { serveStatic } from "./static-files.js";

const PING_MS = 15_000;

/** What the server reads of the running app. */
export type DashboardApp = Pick<
  RunningApp,
  "resource" | "events" | "session" | "startedAt" | "environment" | "lastHealthCheck" | "connectionString" | "startResource" | "stopResource" | "restartResource"
>;

export interface DashboardOptions {
  readonly app: DashboardApp;
  readonly model: readonly Resource[];
  readonly store: LogStore;
  /** Default 18888; when it is taken, a free one (`fellBack` says so). 0: a free one. */
  readonly port?: number;
  /** No token, no cookie: anyone on this machine who can reach the port may use it. */
  readonly unsecured?: boolean;
  /** The folder of the UI bundle (tests); default: packages/hosting/dashboard-ui. */
  readonly bundleDirectory?: string;
}

export interface Dashboard {
  readonly port: number;
  /** The port asked for was taken, so another one was used. */
  readonly fellBack: boolean;
  /** `http://127.0.0.1:PORT/login?t=TOKEN`, or the plain address when unsecured. Print it, never log it elsewhere. */
  readonly loginUrl: string;
  close(): Promise<void>;
}

/**
 * Serves the dashboard on 127.0.0.1: the page, `/api/stream` (a snapshot, then resource and log
 * events), scroll-back, details and commands. See protocol.ts for the wire format.
 */
export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const { app, store } = options;
  const access = new DashboardAccess(options.unsecured === true);
  const views = new ResourceViews(options.model, { startedAt: app.startedAt, snapshot: (name) => app.resource(name), stderrCount: (name) => store.stderrCount(name) });
  const streams = new Set<EventStream>();
  const abort = new AbortController();
  void relayResourceChanges(app, views, store, (view) => streams.forEach((stream) => stream.resource(view)), abort.signal);
  const snapshot = (): Snapshot => ({
    protocol: 1,
    app: { name: app.session.appHost.name, startedAt: app.startedAt },
    resources: views.all(),
    logCursor: store.cursor,
    retention: store.retention,
  });
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, `the dashboard failed to answer: ${describeError(error)}`);
      else response.destroy();
    });
  };
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!access.isOwnHost(request)) return sendText(response, 421, `this dashboard answers only as http://127.0.0.1:${port}/ or http://localhost:${port}/`);
    const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
    if (url.pathname === "/login") return login(access, url, response);
    const changes = request.method !== "GET" && request.method !== "HEAD";
    if ((changes || url.pathname === "/api/stream") && !access.isOwnOrigin(request)) return sendError(response, 403, `requests from ${request.headers.origin} are refused; open the dashboard at http://127.0.0.1:${port}/`);
    const api = url.pathname.startsWith("/api/");
    if (!access.isSignedIn(request)) return notSignedIn(response, api);
    if (url.pathname === "/api/stream") {
      const since = resumeCursor(request, url);
      if (since === null) return sendError(response, 400, "Last-Event-ID and since must be whole numbers (the seq of the last line received)");
      streams.add(new EventStream(response, store, snapshot(), since, (closed) => streams.delete(closed)));
      return;
    }
    if (api) {
      if (!handleApi({ app, views, store }, request, response, url)) sendError(response, 404, `no API at ${url.pathname}; see docs/dashboard.md`);
      return;
    }
    if (request.method === "GET" && (await serveStatic(response, url.pathname, options.bundleDirectory))) return;
    sendPage(response, 404, "Not found", `Nothing at ${url.pathname}. The dashboard is at /.`);
  };
  const server = createServer(handle);
  const asked = options.port ?? DEFAULT_DASHBOARD_PORT;
  const port = await listen(server, asked);
  access.port = port;
  const pings = setInterval(() => streams.forEach((s) => s.ping()), PING_MS);
  pings.unref();
  const loginUrl = access.token === undefined ? `http://127.0.0.1:${port}/` : `http://127.0.0.1:${port}/login?t=${access.token}`;
  return {
    port,
    fellBack: asked !== 0 && port !== asked,
    loginUrl,
    close: async () => {
      abort.abort();
      clearInterval(pings);
      for (const stream of streams) stream.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
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
  const given = request.headers["last-event-id"] ?? url.searchParams.get("since") ?? undefined;
  if (given === undefined || Array.isArray(given)) return undefined;
  return /^\d{1,15}$/.test(given) ? Number(given) : null;
}

/** Listens on 127.0.0.1:`port`, or on a free port when that one is taken. */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE" || port === 0) return reject(error);
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve(addressPort(server)));
    };
    server.once("error", onError);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError);
      resolve(addressPort(server));
    });
  });
}

function addressPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the dashboard server has no TCP address");
  return address.port;
}
