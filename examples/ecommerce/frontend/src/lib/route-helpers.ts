import { NextResponse } from "next/server";
import { GatewayUnavailableError } from "./gateway";

/** Headers of the gateway's answer the browser should see. */
const RELAYED_HEADERS = ["retry-after", "www-authenticate"];

/** A JSON error in auth-api's shape (`{ error, message }`). */
export function errorResponse(status: number, error: string, message: string): NextResponse {
  return NextResponse.json({ error, message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * Refuses a state-changing request that is not JSON from this origin: a cross-site form cannot
 * send JSON, and a cross-site script's Origin does not match our Host.
 */
export function rejectCrossSite(request: Request): NextResponse | undefined {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) {
    return errorResponse(415, "unsupported_media_type", "send the body as application/json");
  }
  const origin = request.headers.get("origin");
  if (origin !== null && safeHost(origin) !== request.headers.get("host")) {
    return errorResponse(403, "cross_origin", "requests from another origin are not accepted");
  }
  return undefined;
}

/** The JSON body of the browser's request, or undefined when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** Passes the gateway's status, JSON body and a few headers on unchanged. */
export async function relay(answer: Response): Promise<NextResponse> {
  const text = await answer.text();
  const headers = new Headers({ "cache-control": "no-store" });
  for (const name of RELAYED_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (text === "") return new NextResponse(null, { status: answer.status, headers });
  headers.set("content-type", answer.headers.get("content-type") ?? "application/json");
  return new NextResponse(text, { status: answer.status, headers });
}

/** Runs a route's work; an unreachable gateway becomes 502 with the reason. */
export async function withGateway(work: () => Promise<NextResponse>): Promise<NextResponse> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GatewayUnavailableError) return errorResponse(502, "bad_gateway", error.message);
    throw error;
  }
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
