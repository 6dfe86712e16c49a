import type { EngineClient } from "../../engine/engine-client.js";
import { LABEL } from "./docker-labels.js";
import { removeNetworkAndLeftovers } from "./session-network.js";

export interface DownAppOptions {
  readonly engine: EngineClient;
  /** The `bosun.app` label value of the AppHost, see `appKeyOf`. */
  readonly appKey: string;
  /** Also remove the app's named volumes, and with them its data. */
  readonly volumes: boolean;
}

export interface DownAppResult {
  readonly containers: number;
  readonly networks: number;
  readonly volumes: number;
}

/**
 * Removes everything of one AppHost on the engine: every container (persistent ones included) and
 * network, and with `volumes` its named volumes.
 * @example await downApp({ engine, appKey: appKeyOf(appHost), volumes: argv.includes("--volumes") })
 */
export async function downApp(options: DownAppOptions): Promise<DownAppResult> {
  const { engine } = options;
  const labels = { [LABEL.app]: options.appKey };
  const containers = await engine.containers.list({ labels, all: true });
  for (const container of containers) await engine.containers.remove(container.id, { force: true, removeVolumes: true });
  const networks = await engine.networks.list({ labels });
  for (const network of networks) await removeNetworkAndLeftovers(engine, network.id, options.appKey);
  const volumes = options.volumes ? await engine.volumes.list({ labels }) : [];
  for (const volume of volumes) await engine.volumes.remove(volume.name);
  return { containers: containers.length, networks: networks.length, volumes: volumes.length };
}
