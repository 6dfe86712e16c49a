import type { IncomingMessage, ServerResponse } from "node:http";
import type { LogStore } from "../log-store.js";
import type { LogPage, ResourceCommand } from "../protocol.js";
import { resourceDetails, type DetailsSource } from "../resource-details.js";
import type { ResourceViews } from "../resource-views.js";
import { runCommand, type CommandTarget } from "./resource-commands.js";
import { sendError, sendJson } from "./responses.js";

export interface ApiContext {
  readonly app: DetailsSource & CommandTarget;
  readonly views: ResourceViews;
  readonly store: LogStore;
}

const DEFAULT_PAGE = 500;
const MAX_PAGE = 5_000;
const COMMAND_PATH = /^\/api\/resources\/([^/]+)\/(start|stop|restart)$/;
const DETAILS_PATH = /^\/api\/resources\/([^/]+)$/;

/** /api/logs, /api/resources/NAME and the commands; false when the path is none of them. */
export function handleApi(context: ApiContext, request: IncomingMessage, response: ServerResponse, url: URL): boolean {
  const command = COMMAND_PATH.exec(url.pathname);
  if (command) {
    if (request.method !== "POST") return methodNotAllowed(response, "POST");
    const outcome = runCommand(context.app, context.views, context.store, decodeURIComponent(command[1]!), command[2] as ResourceCommand);
    if ("accepted" in outcome) sendJson(response, 202, outcome);
    else sendError(response, outcome.status, outcome.error);
    return true;
  }
  if (request.method !== "GET") return url.pathname === "/api/logs" || DETAILS_PATH.test(url.pathname) ? methodNotAllowed(response, "GET") : false;
  const details = DETAILS_PATH.exec(url.pathname);
  if (details) {
    const name = decodeURIComponent(details[1]!);
    const found = resourceDetails(context.views, context.app, name);
    if (found) sendJson(response, 200, found);
    else sendError(response, 404, context.views.unknown(name));
    return true;
  }
  if (url.pathname === "/api/logs") {
    logs(context, response, url.searchParams);
    return true;
  }
  return false;
}

function logs({ store, views }: ApiContext, response: ServerResponse, query: URLSearchParams): void {
  const resource = query.get("resource") ?? undefined;
  if (resource !== undefined && !views.resource(resource)) return sendError(response, 404, `no resource named '${resource}'`);
  const before = wholeNumber(query.get("before"));
  const limit = wholeNumber(query.get("limit"));
  if (before === null || limit === null) return sendError(response, 400, "before and limit must be whole numbers (e.g. /api/logs?before=1200&limit=500)");
  const lines = store.page({ ...(resource === undefined ? {} : { resource }), ...(before === undefined ? {} : { before }), limit: Math.min(limit ?? DEFAULT_PAGE, MAX_PAGE) });
  sendJson(response, 200, { lines } satisfies LogPage);
}

/** undefined when absent, null when not a whole number ≥ 0. */
export function wholeNumber(text: string | null): number | undefined | null {
  if (text === null) return undefined;
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

function methodNotAllowed(response: ServerResponse, allowed: string): true {
  response.setHeader("Allow", allowed);
  sendError(response, 405, `use ${allowed} for this path`);
  return true;
}
