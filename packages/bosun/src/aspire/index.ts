// bosun/aspire: Aspire's TypeScript AppHost API (the generated `.modules/aspire.ts`) on bosun's
// builder, so an Aspire AppHost runs with `npx tsx apphost.ts` once its import line names bosun.
// See docs/aspire-compatibility.md for every API: supported, mapped or refused.
export { createBuilder, AspireBuilder, type CreateBuilderOptions } from "./builder.js";
export { refExpr, AspireReferenceExpression as ReferenceExpression } from "./reference-expression.js";
export { ContainerLifetime, AspireContainer } from "./container.js";
export { DistributedApplicationOperation, ExecutionContext as DistributedApplicationExecutionContext } from "./execution-context.js";
export { EnvironmentCallbackContext } from "./environment-callback.js";
export { AspireResource, type HttpEndpointOptions as WithHttpEndpointOptions } from "./resource.js";
export { AspireEndpoint as EndpointReference } from "./endpoint.js";
export { AspireJavaScriptApp } from "./javascript-apps.js";
export { AspirePostgres, AspireDatabase, AspireRedis, AspireRabbitMQ, AspireParameter } from "./integrations.js";
export { AspireApplication } from "./aspire-app.js";
export type { Chained } from "./chained.js";
export { decisionFor as aspireApiDecision, aspireApiNames, aspireApiClasses, type Decision as AspireApiDecision } from "./api-catalog.js";
export {
  AzureAppConfigurationRole,
  AzureContainerRegistryRole,
  AzureEventHubsRole,
  AzureKeyVaultRole,
  AzureOpenAIRole,
  AzureSearchRole,
  AzureServiceBusFilterType,
  AzureServiceBusRole,
  AzureSignalRRole,
  AzureStorageRole,
  AzureWebPubSubRole,
  CertificateTrustScope,
  CookieSecurePolicy,
  DeploymentScope,
  EndpointProperty,
  EntrypointType,
  ForwardedTransformActions,
  FoundryRole,
  GitHubModelName,
  HeaderMatchMode,
  HttpVersionPolicy,
  IconVariant,
  ImagePullPolicy,
  NodeFormat,
  OtlpProtocol,
  ProbeType,
  ProtocolType,
  QueryParameterMatchMode,
  ResponseCondition,
  SameSiteMode,
  UrlDisplayLocation,
  WaitBehavior,
  YarpSslProtocol,
} from "./enums.js";
export { connect, registerCallback, Handle, CancellationToken } from "./transport-stubs.js";
export { BosunError as CapabilityError, BosunError as AppHostUsageError } from "@bosun/hosting";
