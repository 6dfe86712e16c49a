import { NextResponse, type NextRequest } from "next/server";
import { callAuth } from "@/lib/gateway";
import { errorResponse, readJson, rejectCrossSite, relay, withGateway } from "@/lib/route-helpers";
import { isTokens, setSessionCookies } from "@/lib/session-cookies";

/**
 * POST /api/auth/login: signs in through the gateway, keeps the tokens in httpOnly cookies and
 * answers with the user (never the tokens). Failures (401, 423, 429 with Retry-After) pass through.
 */
export async function POST(request: NextRequest) {
  const refused = rejectCrossSite(request);
  if (refused) return refused;
  const body = await readJson(request);
  if (body === undefined) return errorResponse(400, "invalid_body", "the body is not JSON");
  return withGateway(async () => {
    const signIn = await callAuth("/login", { method: "POST", body, from: request });
    if (signIn.status !== 200) return relay(signIn);
    const tokens: unknown = await signIn.json();
    if (!isTokens(tokens)) return errorResponse(502, "bad_gateway", "the sign-in answer carried no tokens");
    const me = await callAuth("/me", { method: "GET", accessToken: tokens.accessToken, from: request });
    if (me.status !== 200) return relay(me);
    const response = NextResponse.json(await me.json(), { headers: { "cache-control": "no-store" } });
    setSessionCookies(response, tokens, request);
    return response;
  });
}
