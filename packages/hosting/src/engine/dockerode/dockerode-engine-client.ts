import type Docker from "dockerode";
import type { EngineClient, EngineInfo } from "../engine-client.js";
import { identifyEngine, type EngineProduct, type EngineVersion, type VersionAnswer } from "../engine-product.js";
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
  #version: Promise<EngineVersion> | undefined;

  constructor(docker: Docker, endpoint: string) {
    this.#docker = docker;
    this.endpoint = endpoint;
    this.images = new DockerodeImageClient(docker, endpoint);
    this.containers = new DockerodeContainerClient(docker, endpoint, () => this.#product());
    this.networks = new DockerodeNetworkClient(docker, endpoint);
    this.volumes = new DockerodeVolumeClient(docker, endpoint);
  }

  async ping(): Promise<void> {
    await callEngine({ action: "ping the Docker engine", endpoint: this.endpoint }, () => this.#docker.ping());
  }

  /** Asked once per connection; a failed request is asked again next time. */
  version(): Promise<EngineVersion> {
    this.#version ??= callEngine({ action: "read the engine's version", endpoint: this.endpoint }, async () =>
      identifyEngine((await this.#docker.version()) as VersionAnswer),
    ).catch((error: unknown) => {
      this.#version = undefined;
      throw error;
    });
    return this.#version;
  }

  async #product(): Promise<EngineProduct> {
    return (await this.version()).product;
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
