import type Docker from "dockerode";
import { DEFAULT_HOST_IP, type ContainerSpec } from "../container-spec.js";

/** Translates an engine-neutral ContainerSpec into the engine API's create-container body. */
export function toCreateOptions(spec: ContainerSpec): Docker.ContainerCreateOptions {
  const exposedPorts: Record<string, object> = {};
  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of spec.ports) {
    const key = `${port.containerPort}/${port.protocol ?? "tcp"}`;
    exposedPorts[key] = {};
    const binding = { HostIp: port.hostIp ?? DEFAULT_HOST_IP, HostPort: port.hostPort === undefined ? "" : String(port.hostPort) };
    portBindings[key] = [...(portBindings[key] ?? []), binding];
  }

  const options: Docker.ContainerCreateOptions = {
    name: spec.name,
    Image: spec.image,
    Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
    Labels: { ...spec.labels },
    ExposedPorts: exposedPorts,
    HostConfig: {
      PortBindings: portBindings,
      Mounts: spec.mounts.map((mount) => ({
        Type: mount.type,
        Source: mount.source,
        Target: mount.target,
        ReadOnly: mount.readOnly ?? false,
      })),
      ...(spec.network ? { NetworkMode: spec.network.name } : {}),
      ...(spec.extraHosts ? { ExtraHosts: [...spec.extraHosts] } : {}),
    },
  };
  if (spec.cmd) options.Cmd = [...spec.cmd];
  if (spec.entrypoint) options.Entrypoint = [...spec.entrypoint];
  if (spec.hostname) options.Hostname = spec.hostname;
  if (spec.stopSignal) options.StopSignal = spec.stopSignal;
  if (spec.stopTimeoutSeconds !== undefined) options.StopTimeout = spec.stopTimeoutSeconds;
  if (spec.user) options.User = spec.user;
  if (spec.workingDir) options.WorkingDir = spec.workingDir;
  if (spec.network) {
    options.NetworkingConfig = { EndpointsConfig: { [spec.network.name]: { Aliases: [...spec.network.aliases] } } };
  }
  return options;
}
