import { useEffect, useState } from "preact/hooks";

/** The page's routes; they hold resource names only, so a URL stays valid across runs of the AppHost. */
export type Route = { readonly page: "resources" } | { readonly page: "resource"; readonly name: string } | { readonly page: "logs"; readonly name?: string };

/** Reads `#/`, `#/resource/NAME`, `#/logs` and `#/logs/NAME`; anything else is the resources page. */
export function parseRoute(hash: string): Route {
  const [page, ...rest] = hash.replace(/^#\/?/, "").split("/");
  const name = rest.length > 0 ? decodeURIComponent(rest.join("/")) : undefined;
  if (page === "resource" && name) return { page: "resource", name };
  if (page === "logs") return name ? { page: "logs", name } : { page: "logs" };
  return { page: "resources" };
}

export function hrefOf(route: Route): string {
  if (route.page === "resource") return `#/resource/${encodeURIComponent(route.name)}`;
  if (route.page === "logs") return route.name === undefined ? "#/logs" : `#/logs/${encodeURIComponent(route.name)}`;
  return "#/";
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", changed);
    return () => removeEventListener("hashchange", changed);
  }, []);
  return route;
}
