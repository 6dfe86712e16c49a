import { NextResponse, type NextRequest } from "next/server";
import { callAuth } from "@/lib/gateway";
import { rejectCrossSite, relay, withGateway } from "@/lib/route-helpers";
import { REFRESH_COOKIE, clearSessionCookies } from "@/lib/session-cookies";

/**
 * POST /api/auth/logout: revokes the refresh token through the gateway and clears the cookies.
 * The cookies go even when the gateway cannot be reached; its error is still reported.
 */
export async function POST(request: NextRequest) {
  const refused = rejectCrossSite(request);
  if (refused) return refused;
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  const response = await withGateway(async () => {
    if (!refreshToken) return new NextResponse(null, { status: 204 });
    return relay(await callAuth("/logout", { method: "POST", body: { refreshToken }, from: request }));
  });
  clearSessionCookies(response);
  return response;
}
