export { connectEngine, DEFAULT_PING_TIMEOUT_MS } from "./connect-engine.js";
export type { ConnectEngineOptions } from "./connect-engine.js";
export { resolveEngineCandidates } from "./resolve-engine-candidates.js";
export type { ResolveEngineCandidatesOptions } from "./resolve-engine-candidates.js";
export type { EngineCandidate } from "./engine-candidate.js";
export { formatEngineEndpoint, parseDockerHost } from "./engine-endpoint.js";
export type { EngineEndpoint, EngineTls } from "./engine-endpoint.js";
export type { EngineClient, EngineInfo } from "./engine-client.js";
export { describeEngine, identifyEngine } from "./engine-product.js";
export type { EngineProduct, EngineVersion } from "./engine-product.js";
export type { ImageClient, ImageInfo, RegistryReachability } from "./image-client.js";
export type { ImageBuildResult, ImageBuildSpec } from "./image-build.js";
export type {
  ContainerClient,
  ExecResult,
  LogOptions,
  LogStreamName,
  LogSubscription,
} from "./container-client.js";
export type { ContainerInfo, ContainerState, ContainerSummary, PublishedPort } from "./container-info.js";
export { DEFAULT_HOST_IP } from "./container-spec.js";
export type { ContainerSpec, MountSpec, NetworkAttachment, PortSpec } from "./container-spec.js";
export type { NetworkClient, NetworkInfo, NetworkSpec } from "./network-client.js";
export type { VolumeClient, VolumeInfo, VolumeSpec } from "./volume-client.js";
export type { LabelFilter } from "./label-filter.js";
export { formatPullProgress, PullProgressTracker } from "./pull-progress.js";
export type { PullEvent, PullProgress } from "./pull-progress.js";
export { toEngineError } from "./engine-error.js";
export type { EngineOperation } from "./engine-error.js";
