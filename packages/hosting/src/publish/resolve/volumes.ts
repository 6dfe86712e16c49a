import type { AppHostInfo } from "../../model/app-host-info.js";
import type { PublishService, PublishVolume } from "../publish-model.js";

/**
 * A volume's published name: `withDataVolume()`'s default `<app>-<id>-postgres-data` loses the
 * `<app>-<id>-` that keeps two local AppHosts apart (the Compose project or Swarm stack prefixes
 * it instead), so the files do not depend on where the AppHost is checked out. Other names stay.
 */
export function publishedVolumeName(source: string, appHost: AppHostInfo): string {
  const local = `${appHost.name}-${appHost.id}-`;
  return source.startsWith(local) ? source.slice(local.length) : source;
}

/** Every named volume and the services that mount it, sorted by name. */
export function publishVolumes(services: readonly PublishService[]): PublishVolume[] {
  const users = new Map<string, string[]>();
  for (const service of services) {
    for (const mount of service.volumes) {
      if (mount.kind !== "volume" || mount.source === undefined) continue;
      users.set(mount.source, [...(users.get(mount.source) ?? []), service.name]);
    }
  }
  return [...users].map(([name, services]) => ({ name, services })).sort((a, b) => (a.name < b.name ? -1 : 1));
}
