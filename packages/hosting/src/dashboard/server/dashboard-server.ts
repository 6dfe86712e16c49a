import { createServer, type Server } from "node:http";
import type { RunningApp } from "../../app/running-app.js";
import type { Resource } from "../../model/resource.js";
import { DEFAULT_DASHBOARD_PORT } from "../dashboard-defaults.js";
import type { LogStore } from "../log-store.js";
import type { Snapshot } from "../protocol.js";
import { relayResourceChanges } from "../resource-relay.js";
import { ResourceViews } from "../resource-views.js";
import { DashboardAccess } from "./access.js";
import type { EventStream } from "./event-stream.js";
import { handleRequest, type RouteContext } from "./routes.js";

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
  const context: RouteContext = { app, views, store, access, streams, snapshot, ...(options.bundleDirectory ? { bundleDirectory: options.bundleDirectory } : {}) };
  const server = createServer((request, response) => handleRequest(context, request, response));
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
