import { createHash } from "node:crypto";
import type { ContainerSpec } from "../../engine/container-spec.js";

const HASH_VERSION = 1;

/**
 * sha256 over what defines a container: image, name, environment, command, host name, ports and
 * mounts. Labels and the session network are left out, since they change on every run and must
 * not force a persistent container to be recreated.
 */
export function configHashOf(spec: ContainerSpec): string {
  const definition = {
    version: HASH_VERSION,
    image: spec.image,
    name: spec.name,
    env: Object.entries(spec.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    cmd: spec.cmd ?? null,
    entrypoint: spec.entrypoint ?? null,
    hostname: spec.hostname ?? null,
    ports: spec.ports.map((p) => [p.containerPort, p.protocol ?? "tcp", p.hostPort ?? null, p.hostIp ?? null]),
    mounts: spec.mounts.map((m) => [m.type, m.source, m.target, m.readOnly ?? false]),
    extraHosts: spec.extraHosts ?? null,
  };
  return createHash("sha256").update(JSON.stringify(definition)).digest("hex");
}
