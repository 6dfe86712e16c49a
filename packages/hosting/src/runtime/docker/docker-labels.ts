import { hostname } from "node:os";
import type { AppHostInfo } from "../../model/app-host-info.js";
import type { Lifetime } from "../../model/annotations.js";
import type { SessionInfo } from "../resource-runtime.js";

/** The labels bosun puts on every container, network and volume it creates. */
export const LABEL = {
  app: "bosun.app",
  session: "bosun.session",
  pid: "bosun.pid",
  host: "bosun.host",
  resource: "bosun.resource",
  lifetime: "bosun.lifetime",
  configHash: "bosun.config-hash",
} as const;

/** The value of the `bosun.app` label: the AppHost's name and its path-derived id. */
export function appKeyOf(appHost: AppHostInfo): string {
  return `${appHost.name}-${appHost.id}`;
}

/** Who created something: the app, the session, its process and the machine that process runs on. */
export function sessionLabels(session: SessionInfo, host: string = hostname()): Record<string, string> {
  return {
    [LABEL.app]: appKeyOf(session.appHost),
    [LABEL.session]: session.id,
    [LABEL.pid]: String(session.pid),
    [LABEL.host]: host,
  };
}

export function isPersistent(labels: Readonly<Record<string, string>>): boolean {
  return labels[LABEL.lifetime] === ("persistent" satisfies Lifetime);
}
