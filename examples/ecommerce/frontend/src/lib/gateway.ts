/**
 * The gateway, as bosun injects it for `frontend.withReference(gateway)`. Server-side only: the
 * browser talks to this app's own origin, so it needs no CORS and never sees the gateway's address.
 */
const GATEWAY_VARIABLES = ["services__gateway__http__0", "GATEWAY_HTTP"] as const;
/** A little over the gateway's own upstream timeout (30 s), so its 504 reaches the user first. */
const GATEWAY_TIMEOUT_MS = 35_000;

type Env = Readonly<Record<string, string | undefined>>;

export class GatewayUnavailableError extends Error {}

/** The gateway's base URL: `services__gateway__http__0`, else `GATEWAY_HTTP`. */
export function gatewayUrl(env: Env = process.env): URL {
  const name = GATEWAY_VARIABLES.find((variable) => env[variable]);
  if (name === undefined) {
    throw new GatewayUnavailableError(
      `${GATEWAY_VARIABLES.join(" and ")} are not set; reference the gateway from the AppHost (frontend.withReference(gateway)) or set one to its URL`,
    );
  }
  try {
    return new URL(env[name]!);
  } catch {
    throw new GatewayUnavailableError(`${name} is not a URL: '${env[name]}'`);
  }
}

export interface GatewayCall {
  readonly method: "GET" | "POST";
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly accessToken?: string;
  /** The browser's request, whose client address is passed on for the sign-in rate limit. */
  readonly from?: Request;
}

/** Calls the gateway under `/api/auth`; a gateway that cannot be reached throws GatewayUnavailableError. */
export async function callAuth(path: string, call: GatewayCall): Promise<Response> {
  const url = new URL(`/api/auth${path}`, gatewayUrl());
  const headers = new Headers({ accept: "application/json" });
  if (call.body !== undefined) headers.set("content-type", "application/json");
  if (call.accessToken !== undefined) headers.set("authorization", `Bearer ${call.accessToken}`);
  const clientAddress = call.from?.headers.get("x-forwarded-for");
  if (clientAddress) headers.set("x-forwarded-for", clientAddress);
  try {
    return await fetch(url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      cache: "no-store",
      signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
    });
  } catch (error) {
    throw new GatewayUnavailableError(`the gateway at ${url.origin} did not answer: ${(error as Error).message}`, { cause: error });
  }
}
