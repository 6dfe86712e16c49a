import type { HealthCheck } from "@bosun/service-defaults";
import type { Route } from "./config.js";

/** Healthy when the upstream's own /health answers 200; otherwise names what it reported failing. */
export function upstreamHealthCheck(route: Route): HealthCheck {
  const url = new URL("/health", route.baseUrl);
  return {
    name: route.upstream,
    async check(signal) {
      const response = await fetch(url, { signal });
      const body = (await response.json().catch(() => ({}))) as { failing?: unknown };
      if (response.status !== 200) {
        const failing = Array.isArray(body.failing) && body.failing.length > 0 ? ` (failing: ${body.failing.join(", ")})` : "";
        throw new Error(`${route.upstream} answered ${response.status}${failing}`);
      }
      return { url: route.baseUrl.origin };
    },
  };
}
