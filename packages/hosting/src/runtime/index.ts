// @bosun/hosting/runtime: the plug-in kit. What a runtime (and the testing package) needs to start
// resources for the orchestrator: the runtime interface, the engine client, the process runtime,
// orphan reaping and image substitution. AppHosts and integrations use the root entry instead.
export type { LogStream, PreflightProblem, ResourceRuntime, SessionInfo, StartRequest, StartedResource } from "./resource-runtime.js";
export { createProcessRuntime, type ProcessRuntimeOptions } from "./process/process-runtime.js";
export { reapOrphans, appKeyOf, type IsAlive, type ReapOrphansOptions, type ReapedResources } from "./docker/index.js";
export { describeAppHost } from "../model/app-host-info.js";
export { HOST_FROM_CONTAINER, resourcesIn, type AllocatedEndpoint } from "../model/value-resolver.js";
export {
  connectEngine,
  describeEngine,
  type EngineProduct,
  type EngineVersion,
  type ConnectEngineOptions,
  type EngineCandidate,
  type EngineClient,
  type EngineInfo,
  type ContainerClient,
  type ContainerInfo,
  type ContainerState,
  type ContainerSummary,
  type ContainerSpec,
  type ExecResult,
  type ImageBuildResult,
  type ImageBuildSpec,
  type ImageClient,
  type ImageInfo,
  type LabelFilter,
  type LogOptions,
  type LogStreamName,
  type LogSubscription,
  type MountSpec,
  type NetworkAttachment,
  type NetworkClient,
  type NetworkInfo,
  type NetworkSpec,
  type PortSpec,
  type PublishedPort,
  type PullProgress,
  type RegistryReachability,
  type VolumeClient,
  type VolumeInfo,
  type VolumeSpec,
} from "../engine/index.js";
export {
  IMAGE_MAP_VARIABLE,
  REGISTRY_MIRROR_VARIABLE,
  loadImageSubstitution,
  parseImageReference,
  ImageReference,
  type ImageSubstitution,
  type LoadImageSubstitutionOptions,
  type SubstitutedImage,
} from "../images/index.js";
