import type { PublishService, PublishVolume } from "../publish-model.js";

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
