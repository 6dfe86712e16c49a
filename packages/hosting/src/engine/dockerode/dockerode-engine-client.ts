import type Docker from "dockerode";
import type { EngineClient, EngineInfo } from "../engine-client.js";
import { identifyEngine, type EngineVersion, type VersionAnswer } from "../engine-product.js";
import { callEngine } from "./call-engine.js";
import { DockerodeContainerClient } from "./dockerode-container-client.js";
import { DockerodeImageClient } from "./dockerode-image-client.js";
import { DockerodeNetworkClient } from "./dockerode-network-client.js";
import { DockerodeVolumeClient } from "./dockerode-volume-client.js";

/** An EngineClient over one dockerode connection; the dockerode object stays inside. */
export class DockerodeEngineClient implements EngineClient {
  readonly endpoint: string;
  readonly images: DockerodeImageClient;
  readonly containers: DockerodeContainerClient;
  readonly networks: DockerodeNetworkClient;
  readonly volumes: DockerodeVolumeClient;
  readonly #docker: Docker;

  constructor(docker: Docker, endpoint: string) {
    this.#docker = docker;
    this.endpoint = endpoint;
    this.images = new DockerodeImageClient(docker, endpoint);
    this.containers = new DockerodeContainerClient(docker, endpoint);
    this.networks = new DockerodeNetworkClient(docker, endpoint);
    this.volumes = new DockerodeVolumeClient(docker, endpoint);
  }

  async ping(): Promise<void> {
    await callEngine({ action: "ping the Docker engine", endpoint: this.endpoint }, () => this.#docker.ping());
  }

  async version(): Promise<EngineVersion> {
    const answer = await callEngine({ action: "read the engine's version", endpoint: this.endpoint }, () => this.#docker.version());
    return identifyEngine(answer as VersionAnswer);
  }

  async info(): Promise<EngineInfo> {
    const info = await callEngine({ action: "read the engine's info", endpoint: this.endpoint }, () => this.#docker.info());
    return {
      serverVersion: String(info.ServerVersion),
      os: String(info.OperatingSystem),
      cpus: Number(info.NCPU),
      memoryBytes: Number(info.MemTotal),
    };
  }
}
