import type { YamlMapping } from "../render/yaml-text.js";
import type { PublishMount, PublishPort } from "../publish-model.js";

/** A published port in the long form: by the routing mesh on every node (`ingress`) or on the task's node (`host`). */
export function swarmPort(port: PublishPort, mode: "ingress" | "host"): YamlMapping {
  return { target: port.containerPort, ...(port.hostPort !== undefined ? { published: port.hostPort } : {}), protocol: port.protocol, mode };
}

/** A mount in the short form; bind mounts keep their absolute path (it must exist on the node). */
export function swarmMount(mount: PublishMount): string {
  const suffix = mount.readOnly ? ":ro" : "";
  return mount.source === undefined ? `${mount.target}${suffix}` : `${mount.source}:${mount.target}${suffix}`;
}
