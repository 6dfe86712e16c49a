// The Docker runtime: containers on one network per session, orphan reaping and `down`.
export { createDockerRuntime, type DockerRuntimeOptions } from "./docker-runtime.js";
export { reapOrphans, type ReapOrphansOptions, type ReapedResources } from "./reap-orphans.js";
export { downApp, type DownAppOptions, type DownAppResult } from "./down-app.js";
export { appKeyOf, LABEL } from "./docker-labels.js";
export { sessionNetworkName } from "./session-network.js";
export { containerNameOf, HOST_GATEWAY_ENTRY } from "./container-definition.js";
export { STOP_TIMEOUT_SECONDS } from "./attached-container.js";
export { isProcessAlive, type IsAlive } from "./session-owner.js";
