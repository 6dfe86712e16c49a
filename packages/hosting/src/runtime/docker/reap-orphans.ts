import type { EngineClient } from "../../engine/engine-client.js";
import { isPersistent, LABEL } from "./docker-labels.js";
import { removeNetworkAndLeftovers } from "./session-network.js";
import { ownerIsGone, type IsAlive } from "./session-owner.js";

export interface ReapOrphansOptions {
  readonly engine: EngineClient;
  /** The `bosun.app` label value of the AppHost, see `appKeyOf`. */
  readonly appKey: string;
  /** Only this session's containers and network (the watchdog's case); default every ended session. */
  readonly session?: string;
  readonly isAlive?: IsAlive;
  /** This machine's name in `bosun.host` labels; default `os.hostname()`. */
  readonly host?: string;
}

/** Names of what was removed, for one log line. */
export interface ReapedResources {
  readonly containers: readonly string[];
  readonly networks: readonly string[];
}

/**
 * Removes the containers (with their anonymous volumes) and networks that earlier sessions of this
 * AppHost left behind when their process died (kill -9, power loss). Persistent containers, named
 * volumes and other machines' sessions are left alone.
 * @example const reaped = await reapOrphans({ engine, appKey: appKeyOf(appHost) })
 */
export async function reapOrphans(options: ReapOrphansOptions): Promise<ReapedResources> {
  const { engine } = options;
  const gone = (labels: Readonly<Record<string, string>>) => ownerIsGone(labels, options);
  const labels = { [LABEL.app]: options.appKey, ...(options.session === undefined ? {} : { [LABEL.session]: options.session }) };
  const [listedContainers, listedNetworks] = await Promise.all([engine.containers.list({ labels, all: true }), engine.networks.list({ labels })]);
  const containers: string[] = [];
  for (const container of listedContainers) {
    if (isPersistent(container.labels) || !gone(container.labels)) continue;
    await engine.containers.remove(container.id, { force: true, removeVolumes: true });
    containers.push(container.name);
  }
  const networks: string[] = [];
  for (const network of listedNetworks) {
    if (!gone(network.labels)) continue;
    await removeNetworkAndLeftovers(engine, network.id, options.appKey);
    networks.push(network.name);
  }
  return { containers, networks };
}
