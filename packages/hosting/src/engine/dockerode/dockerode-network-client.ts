import type Docker from "dockerode";
import { toLabelFilterValues, type LabelFilter } from "../label-filter.js";
import type { NetworkClient, NetworkInfo, NetworkSpec } from "../network-client.js";
import { engineMessage, engineStatusCode, toEngineError } from "../engine-error.js";
import { callEngine, callEngineIdempotent, callEngineOptional } from "./call-engine.js";

const NOT_FOUND = 404;
const FORBIDDEN = 403;
// Not attached, or a container being removed (its endpoint goes with it).
const NOT_CONNECTED = /is not connected|marked for removal/i;
// Podman's answer (HTTP 500) for a container already attached to the network.
const ALREADY_CONNECTED = /is already connected to network/i;
// Podman (HTTP 500) when another network's bridge came or went while it chose a free subnet for a
// new one, as when several apps start and stop at once; asking again succeeds.
const INTERFACE_RACE = /no such network interface/i;
const CREATE_ATTEMPTS = 5;
const CREATE_RETRY_MS = 200;

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
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await this.#docker.createNetwork(options)).id;
      } catch (error) {
        if (attempt === CREATE_ATTEMPTS || !INTERFACE_RACE.test(engineMessage(error))) throw toEngineError(error, operation);
        await new Promise((resolve) => setTimeout(resolve, CREATE_RETRY_MS * attempt));
      }
    }
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

  async connect(network: string, container: string, aliases: readonly string[]): Promise<void> {
    const operation = { action: `connect container '${container}' to network '${network}'`, endpoint: this.#endpoint };
    const body = { Container: container, EndpointConfig: { Aliases: [...aliases] } };
    // Already attached: Docker answers 403 (for a running container), Podman 500 "is already connected".
    await callEngineIdempotent(operation, [FORBIDDEN], () => this.#docker.getNetwork(network).connect(body), (error) => ALREADY_CONNECTED.test(engineMessage(error)));
  }

  async disconnect(network: string, container: string): Promise<void> {
    const operation = { action: `disconnect container '${container}' from network '${network}'`, endpoint: this.#endpoint };
    try {
      await this.#docker.getNetwork(network).disconnect({ Container: container, Force: true });
    } catch (error) {
      // The engine answers 500 "is not connected" when there is nothing to detach.
      if (engineStatusCode(error) === NOT_FOUND || NOT_CONNECTED.test(engineMessage(error))) return;
      throw toEngineError(error, operation);
    }
  }
}

function toNetworkInfo(network: Docker.NetworkInspectInfo): NetworkInfo {
  const containers = Object.entries(network.Containers ?? {}).map(([id, container]) => ({ id, name: container.Name }));
  return { id: network.Id, name: network.Name, driver: network.Driver, labels: network.Labels ?? {}, containers };
}
