import type Docker from "dockerode";
import { toLabelFilterValues, type LabelFilter } from "../label-filter.js";
import type { VolumeClient, VolumeInfo, VolumeSpec } from "../volume-client.js";
import { callEngine, callEngineIdempotent, callEngineOptional } from "./call-engine.js";

const NOT_FOUND = 404;

interface VolumeRow {
  readonly Name: string;
  readonly Driver: string;
  readonly Labels: Record<string, string> | null;
}

export class DockerodeVolumeClient implements VolumeClient {
  readonly #docker: Docker;
  readonly #endpoint: string;

  constructor(docker: Docker, endpoint: string) {
    this.#docker = docker;
    this.#endpoint = endpoint;
  }

  async create(spec: VolumeSpec): Promise<VolumeInfo> {
    const operation = { action: `create volume '${spec.name}'`, endpoint: this.#endpoint };
    // dockerode resolves with a handle, not the engine's answer; read the volume back.
    const volume = await callEngine(operation, async () => {
      await this.#docker.createVolume({ Name: spec.name, Labels: { ...spec.labels } });
      return this.#docker.getVolume(spec.name).inspect();
    });
    return toVolumeInfo(volume as unknown as VolumeRow);
  }

  async list(options: { readonly labels: LabelFilter }): Promise<VolumeInfo[]> {
    const operation = { action: "list volumes", endpoint: this.#endpoint };
    const filters = { label: toLabelFilterValues(options.labels) };
    const answer = await callEngine(operation, () => this.#docker.listVolumes({ filters }));
    return (answer.Volumes ?? []).map((row) => toVolumeInfo(row as unknown as VolumeRow));
  }

  async remove(name: string): Promise<void> {
    const operation = { action: `remove volume '${name}'`, endpoint: this.#endpoint };
    await callEngineIdempotent(operation, [NOT_FOUND], () => this.#docker.getVolume(name).remove());
  }

  async inspect(name: string): Promise<VolumeInfo | undefined> {
    const operation = { action: `inspect volume '${name}'`, endpoint: this.#endpoint };
    const volume = await callEngineOptional(operation, () => this.#docker.getVolume(name).inspect());
    return volume === undefined ? undefined : toVolumeInfo(volume as unknown as VolumeRow);
  }
}

function toVolumeInfo(volume: VolumeRow): VolumeInfo {
  return { name: volume.Name, driver: volume.Driver, labels: volume.Labels ?? {} };
}
