import type { NextRequest } from "next/server";
import { callAuth } from "@/lib/gateway";
import { errorResponse, readJson, rejectCrossSite, relay, withGateway } from "@/lib/route-helpers";

/** POST /api/auth/register → the gateway's register; its answer (201, 400, 409) unchanged. */
export async function POST(request: NextRequest) {
  const refused = rejectCrossSite(request);
  if (refused) return refused;
  const body = await readJson(request);
  if (body === undefined) return errorResponse(400, "invalid_body", "the body is not JSON");
  return withGateway(async () => relay(await callAuth("/register", { method: "POST", body, from: request })));
}
