import { describe, expect, it } from "vitest";
import type { Route } from "./config.js";
import { routeRequest } from "./route-request.js";

const AUTH: Route = { upstream: "auth-api", baseUrl: new URL("http://localhost:5001"), publicPrefix: "/api/auth", upstreamPrefix: "/auth" };

describe("routeRequest", () => {
  it.each([
    ["/api/auth/login", "/auth/login"],
    ["/api/auth/login?next=%2Fcart", "/auth/login?next=%2Fcart"],
    ["/api/auth", "/auth"],
    ["/api/auth/", "/auth/"],
  ])("sends %s to auth-api as %s", (path, upstreamPath) => {
    expect(routeRequest(path, [AUTH])).toEqual({ route: AUTH, upstreamPath });
  });

  it.each(["/api/authx", "/api/other", "/health-ish", "/api/auth/../../metrics", "/api/auth/%2e%2e/%2e%2e/metrics"])("routes nothing for %s", (path) => {
    expect(routeRequest(path, [AUTH])).toBeUndefined();
  });
});
