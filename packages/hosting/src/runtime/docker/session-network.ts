import type { EngineClient } from "../../engine/engine-client.js";
import type { SessionInfo } from "../resource-runtime.js";
import { isPersistent, LABEL, sessionLabels } from "./docker-labels.js";

/** `bosun-<app>-<session>`: one bridge network per run, so containers reach each other by name. */
export function sessionNetworkName(session: SessionInfo): string {
  return `bosun-${session.appHost.name}-${session.id}`;
}

export async function createSessionNetwork(engine: EngineClient, session: SessionInfo, host?: string): Promise<string> {
  const name = sessionNetworkName(session);
  await engine.networks.create({ name, labels: sessionLabels(session, host) });
  return name;
}

/**
 * Removes a network and the app's session containers still attached to it (with their anonymous
 * volumes). Persistent containers outlive the session and anything not the app's is not bosun's to
 * remove: those are only detached.
 */
export async function removeNetworkAndLeftovers(engine: EngineClient, network: string, appKey: string): Promise<void> {
  const info = await engine.networks.inspect(network);
  if (!info) return;
  for (const attached of info.containers) {
    const container = await engine.containers.inspect(attached.id);
    const removable = container !== undefined && container.labels[LABEL.app] === appKey && !isPersistent(container.labels);
    if (removable) await engine.containers.remove(attached.id, { force: true, removeVolumes: true });
    else await engine.networks.disconnect(info.id, attached.id);
  }
  await removeWhenEmpty(engine, info.id);
}

const ACTIVE_ENDPOINTS = /active endpoints/i;
const EMPTY_POLL_MS = 100;
const EMPTY_POLL_LIMIT = 30;

// A container the engine is still tearing down keeps its endpoint for a moment after removal returns.
async function removeWhenEmpty(engine: EngineClient, network: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await engine.networks.remove(network);
      return;
    } catch (error) {
      if (attempt >= EMPTY_POLL_LIMIT || !ACTIVE_ENDPOINTS.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, EMPTY_POLL_MS));
    }
  }
}
