import type { EngineClient } from "../../engine/engine-client.js";
import { LABEL } from "./docker-labels.js";

/**
 * `bosun-<app>`: the network persistent containers stay on between runs. While a container is on
 * some network its published ports stay open, so an engine-chosen host port is the same next run.
 * It carries no session or pid, so reaping never takes it; `down` does.
 */
export function appNetworkName(appKey: string): string {
  return `bosun-${appKey}`;
}

/** Creates the app network unless it exists; safe when several persistent containers start at once. */
export async function ensureAppNetwork(engine: EngineClient, appKey: string): Promise<string> {
  const name = appNetworkName(appKey);
  if (await engine.networks.inspect(name)) return name;
  try {
    await engine.networks.create({ name, labels: { [LABEL.app]: appKey, [LABEL.lifetime]: "persistent" } });
  } catch (error) {
    if (!(await engine.networks.inspect(name))) throw error;
  }
  return name;
}
