import type Docker from "dockerode";
import { toLabelFilterValues, type LabelFilter } from "../label-filter.js";
import type { NetworkClient, NetworkInfo, NetworkSpec } from "../network-client.js";
import { callEngine, callEngineIdempotent, callEngineOptional } from "./call-engine.js";

const NOT_FOUND = 404;

export class DockerodeNetworkClient implements NetworkClient {
  readonly #docker: Docker;
  readonly #endpoint: string;

  constructor(docker: Docker, endpoint: string) {
    this.#docker = docker;
    this.#endpoint = endpoint;
  }

  async create(spec: NetworkSpec): Promise<string> {
    const operation = { action: `create network '${spec.name}'`, endpoint: this.#endpoint };
    const options = { Name: spec.name, Driver: "bridge", Labels: { ...spec.labels }, CheckDuplicate: true };
    const network = await callEngine(operation, () => this.#docker.createNetwork(options));
    return network.id;
  }

  async remove(idOrName: string): Promise<void> {
    const operation = { action: `remove network '${idOrName}'`, endpoint: this.#endpoint };
    await callEngineIdempotent(operation, [NOT_FOUND], () => this.#docker.getNetwork(idOrName).remove());
  }

  async list(options: { readonly labels: LabelFilter }): Promise<NetworkInfo[]> {
    const operation = { action: "list networks", endpoint: this.#endpoint };
    const filters = { label: toLabelFilterValues(options.labels) };
    const rows = await callEngine(operation, () => this.#docker.listNetworks({ filters }));
    return rows.map((row) => toNetworkInfo(row));
  }

  async inspect(idOrName: string): Promise<NetworkInfo | undefined> {
    const operation = { action: `inspect network '${idOrName}'`, endpoint: this.#endpoint };
    const network = await callEngineOptional(operation, () => this.#docker.getNetwork(idOrName).inspect());
    return network === undefined ? undefined : toNetworkInfo(network as Docker.NetworkInspectInfo);
  }
}

function toNetworkInfo(network: Docker.NetworkInspectInfo): NetworkInfo {
  const containers = Object.entries(network.Containers ?? {}).map(([id, container]) => ({ id, name: container.Name }));
  return { id: network.Id, name: network.Name, driver: network.Driver, labels: network.Labels ?? {}, containers };
}
