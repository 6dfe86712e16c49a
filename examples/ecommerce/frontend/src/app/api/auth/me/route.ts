import { NextResponse, type NextRequest } from "next/server";
import { callAuth } from "@/lib/gateway";
import { errorResponse, relay, withGateway } from "@/lib/route-helpers";
import { ACCESS_COOKIE, REFRESH_COOKIE, clearSessionCookies, isTokens, setSessionCookies } from "@/lib/session-cookies";

/**
 * GET /api/auth/me: the signed-in user. An expired access token is renewed with the refresh
 * token (which auth-api rotates); when that fails too the cookies are cleared and the answer is 401.
 */
export async function GET(request: NextRequest) {
  const accessToken = request.cookies.get(ACCESS_COOKIE)?.value;
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  return withGateway(async () => {
    if (accessToken) {
      const me = await callAuth("/me", { method: "GET", accessToken, from: request });
      if (me.status !== 401) return relay(me);
    }
    if (!refreshToken) return signedOut();
    const refreshed = await callAuth("/refresh", { method: "POST", body: { refreshToken }, from: request });
    if (refreshed.status === 401) return signedOut();
    if (refreshed.status !== 200) return relay(refreshed);
    const tokens: unknown = await refreshed.json();
    if (!isTokens(tokens)) return errorResponse(502, "bad_gateway", "the refresh answer carried no tokens");
    const me = await callAuth("/me", { method: "GET", accessToken: tokens.accessToken, from: request });
    const response = await relay(me);
    setSessionCookies(response, tokens, request);
    return response;
  });
}

function signedOut(): NextResponse {
  const response = errorResponse(401, "signed_out", "not signed in");
  clearSessionCookies(response);
  return response;
}
