import type { ConnectionState } from "./store.js";
import { hrefOf, type Route } from "./router.js";

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: "connecting…",
  live: "live",
  reconnecting: "reconnecting…",
  "signed-out": "signed out: open the login URL that `run` printed",
};

/** The app's name, the two pages, and whether the stream is live. */
export function Header({ appName, route, connection }: { readonly appName?: string; readonly route: Route; readonly connection: ConnectionState }) {
  const current = (page: Route["page"]) => (route.page === page || (page === "resources" && route.page === "resource") ? "page" : undefined);
  return (
    <header class="top">
      <span class="brand">bosun</span>
      <span class="app-name">{appName ?? ""}</span>
      <nav>
        <a href={hrefOf({ page: "resources" })} aria-current={current("resources")}>
          Resources
        </a>
        <a href={hrefOf({ page: "logs" })} aria-current={current("logs")}>
          Console
        </a>
      </nav>
      <span class={`connection connection-${connection}`} data-connection={connection}>
        {CONNECTION_TEXT[connection]}
      </span>
    </header>
  );
}
