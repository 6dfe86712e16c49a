import type Docker from "dockerode";
import type { ContainerInfo, ContainerState, PublishedPort } from "../container-info.js";

const NEVER = "0001-01-01T00:00:00Z";

/** Reads the parts of the engine's inspect answer that bosun relies on. */
export function toContainerInfo(inspect: Docker.ContainerInspectInfo): ContainerInfo {
  const state = inspect.State;
  const health = state.Health?.Status;
  const info: ContainerInfo = {
    id: inspect.Id,
    name: inspect.Name.replace(/^\//, ""),
    image: withoutPodmanLocalPrefix(inspect.Config.Image),
    state: state.Status as ContainerState,
    running: state.Running,
    exitCode: state.ExitCode,
    startedAt: toDate(state.StartedAt),
    finishedAt: toDate(state.FinishedAt),
    labels: inspect.Config.Labels ?? {},
    ports: toPublishedPorts(inspect.NetworkSettings.Ports),
  };
  return health === "starting" || health === "healthy" || health === "unhealthy" ? { ...info, health } : info;
}

/** Podman qualifies a local image as `localhost/name:tag`; bosun reports the name as it was given. */
export function withoutPodmanLocalPrefix(image: string): string {
  return image.startsWith("localhost/") ? image.slice("localhost/".length) : image;
}

function toPublishedPorts(ports: Docker.ContainerInspectInfo["NetworkSettings"]["Ports"] | undefined): PublishedPort[] {
  const published: PublishedPort[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port, protocol] = key.split("/");
    for (const binding of bindings ?? []) {
      published.push({
        containerPort: Number(port),
        protocol: (protocol ?? "tcp") as PublishedPort["protocol"],
        hostIp: binding.HostIp,
        hostPort: Number(binding.HostPort),
      });
    }
  }
  return published;
}

function toDate(value: string | undefined): Date | undefined {
  if (value === undefined || value === "" || value.startsWith(NEVER.slice(0, 4))) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
