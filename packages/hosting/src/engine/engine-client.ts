import type { ContainerClient } from "./container-client.js";
import type { EngineVersion } from "./engine-product.js";
import type { ImageClient } from "./image-client.js";
import type { NetworkClient } from "./network-client.js";
import type { VolumeClient } from "./volume-client.js";

export interface EngineInfo {
  readonly serverVersion: string;
  /** The engine host's operating system, e.g. "Debian GNU/Linux 12 (bookworm)". */
  readonly os: string;
  readonly cpus: number;
  readonly memoryBytes: number;
}

/** One Docker engine, behind small per-resource clients; no engine library object leaks through. */
export interface EngineClient {
  /** How the engine was found, e.g. "default socket /var/run/docker.sock". */
  readonly endpoint: string;
  ping(): Promise<void>;
  info(): Promise<EngineInfo>;
  /** Which engine this is (Docker or Podman) and its version, from GET /version. */
  version(): Promise<EngineVersion>;
  readonly images: ImageClient;
  readonly containers: ContainerClient;
  readonly networks: NetworkClient;
  readonly volumes: VolumeClient;
}
