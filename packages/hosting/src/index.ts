// @bosun/hosting: what AppHosts and integrations use (the builder, resources, annotations,
// expressions, errors and the extension API). Runtimes and the testing package also use
// @bosun/hosting/runtime (src/runtime/index.ts).
export { createBuilder, DistributedApplicationBuilder, type AddResourceOptions, type BuilderOptions } from "./app/distributed-application-builder.js";
export { checkCall, checkOptions, type ArgumentKind, type ArgumentRule, type CallContext } from "./model/argument-checks.js";
export { DistributedApplication } from "./app/distributed-application.js";
export { RunningApp } from "./app/running-app.js";
export { watchApps, type RestartableApp, type WatchAppsOptions } from "./watch/watch-apps.js";
export type { StartOptions } from "./app/start-app.js";
export type { HealthCheckResult, ResourceEvent, ResourceSnapshot, ResourceState, HealthStatus } from "./orchestrator/resource-state.js";
export type { ProbeSchedule } from "./health/backoff.js";
export { PermanentProbeError, isPermanentProbeError } from "./health/permanent-probe-error.js";
export { rejectedCredentials, type RejectedCredentialsOptions } from "./health/rejected-credentials.js";
export { defineExtension, type BuilderExtension } from "./app/builder-extension.js";

export {
  ResourceBuilder,
  toResource,
  type ReferenceSource,
  type ResourceLike,
  type EndpointOptions,
  type HttpEndpointOptions,
} from "./model/resource-builder.js";
export {
  Resource,
  hasConnectionString,
  hasEndpoints,
  hasEnvironment,
  hasWaitSupport,
  type ResourceWithArgs,
  type ResourceWithConnectionString,
  type ResourceWithDataPath,
  type ResourceWithEndpoints,
  type ResourceWithEnvironment,
  type ResourceWithWaitSupport,
} from "./model/resource.js";
export { ContainerResource, imageReferenceOf } from "./model/container-resource.js";
export { ExecutableResource } from "./model/executable-resource.js";
export { NodeAppResource } from "./model/node-app-resource.js";
export { ParameterResource, GENERATED_PASSWORD_LENGTH, type ParameterOptions, type GenerateOptions } from "./model/parameter-resource.js";
export { ConnectionStringResource } from "./model/connection-string-resource.js";
export type { AppHostInfo } from "./model/app-host-info.js";
export type {
  Annotation,
  AnnotationOf,
  AnnotationType,
  ContainerFileAnnotation,
  ContainerFileContext,
  EndpointAnnotation,
  EnvironmentValue,
  InitializerContext,
  Lifetime,
  WaitKind,
} from "./model/annotations.js";
export type { EnvironmentContext } from "./model/environment-context.js";
export type { HealthCheck, ProbeConnection, ProbeContext } from "./model/health-check.js";
export type { PublishedCheck, PublishHintsAnnotation } from "./model/published-check.js";
export type { SnapshotExportAnnotation } from "./model/snapshot-export.js";
export type { SnapshotOptions, SnapshotReport } from "./snapshot/take-snapshot.js";
export type { RestoreOptions, RestoreReport } from "./snapshot/restore-snapshot.js";
export type { ExportedFile, FileChecksum, SnapshotMetadata, SnapshotResource, VolumeCopy } from "./snapshot/snapshot-metadata.js";
export type { PublishOptions, PublishResult } from "./publish/publish-options.js";
export type { PublishTarget, PublishWarning } from "./publish/publish-model.js";
export type { KubernetesOptions, KubernetesResourceOptions, ResourceQuantities } from "./publish/kubernetes/kubernetes-options.js";
export { lintManifests, type KubeObject, type LintProblem, type ManifestSet } from "./publish/kubernetes/lint-manifests.js";
export { expr, uri, ReferenceExpression, UriEncoded, type ExpressionValue, type ConnectionStringSource } from "./model/expression.js";
export { EndpointReference, EndpointPropertyReference, type EndpointProperty } from "./model/endpoint-reference.js";
export {
  createManifestResolver,
  createRuntimeResolver,
  type AllocatedEndpoint,
  type RenderTarget,
  type RuntimeValues,
  type ValueResolver,
} from "./model/value-resolver.js";
export { staticRuntimeValues } from "./model/static-runtime-values.js";
export { serverConnectionProperties, type ServerConnection } from "./model/connection-properties.js";
export { environmentOf, renderArgs, renderEnvironment, renderFiles, type RenderedFile } from "./model/environment.js";
export type { Manifest, ManifestResource } from "./manifest/manifest-types.js";

export {
  BosunError,
  DependencyFailedError,
  EngineUnreachableError,
  HealthTimeoutError,
  ImageNotAvailableError,
  PortInUseError,
  ValidationError,
  type BosunErrorCode,
  type ValidationProblem,
} from "./errors/bosun-error.js";
