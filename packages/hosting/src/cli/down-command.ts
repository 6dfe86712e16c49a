import { connectEngine } from "../engine/connect-engine.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import { appKeyOf, downApp } from "../runtime/docker/index.js";

/** `down [--volumes]`: removes this AppHost's containers and networks (and volumes on request). */
export async function downCommand(appHost: AppHostInfo, options: { volumes: boolean }): Promise<void> {
  const engine = await connectEngine();
  const removed = await downApp({ engine, appKey: appKeyOf(appHost), volumes: options.volumes });
  console.log(`removed ${removed.containers} container(s), ${removed.networks} network(s), ${removed.volumes} volume(s) of '${appHost.name}'`);
}
