import type { Route } from "./config.js";

export interface RoutedRequest {
  readonly route: Route;
  /** The upstream path and query, e.g. `/auth/login?next=x`. */
  readonly upstreamPath: string;
}

/**
 * Picks the route whose prefix the (dot-segment-normalised) path starts with at a segment boundary
 * and rewrites the prefix; `/api/auth/../metrics` is `/api/metrics`, which no route serves.
 */
export function routeRequest(rawUrl: string, routes: readonly Route[]): RoutedRequest | undefined {
  const url = new URL(rawUrl, "http://gateway.invalid");
  for (const route of routes) {
    const { pathname } = url;
    if (pathname !== route.publicPrefix && !pathname.startsWith(`${route.publicPrefix}/`)) continue;
    const rest = pathname.slice(route.publicPrefix.length);
    return { route, upstreamPath: `${route.upstreamPrefix}${rest}${url.search}` };
  }
  return undefined;
}
