import type { BuilderOptions } from "@bosun/hosting";
import { aspireAppFor, AspireBuilder, type CreateBuilderOptions } from "./aspire/builder.js";
import { expose } from "./aspire/chained.js";
import { createBuilder as createNativeBuilder, type AppBuilder } from "./native-builder.js";

export type { AppBuilder } from "./native-builder.js";

const ASPIRE_OPTIONS = new Set(["args", "projectDirectory", "appHostFilePath", "disableDashboard"]);

/**
 * The AppHost builder with the first-party integrations (PostgreSQL, Redis, RabbitMQ). Awaiting it
 * (`await createBuilder()`, as an Aspire TypeScript AppHost does) gives the same model behind
 * Aspire's promise-style API instead (`bosun/aspire`, docs/aspire-compatibility.md).
 * @example const builder = createBuilder(); builder.addPostgres("postgres").addDatabase("appdb")
 */
export function createBuilder(options: BuilderOptions & CreateBuilderOptions = {}): AppBuilder & PromiseLike<AspireBuilder> {
  const nativeOptions = Object.fromEntries(Object.entries(options).filter(([key]) => !ASPIRE_OPTIONS.has(key))) as BuilderOptions;
  const aspireOptions = Object.fromEntries(Object.entries(options).filter(([key]) => ASPIRE_OPTIONS.has(key))) as CreateBuilderOptions;
  const native = createNativeBuilder(aspireOptions.projectDirectory === undefined ? nativeOptions : { ...nativeOptions, appHostDirectory: aspireOptions.projectDirectory });
  const then: PromiseLike<AspireBuilder>["then"] = (resolve, reject) =>
    Promise.resolve()
      .then(() => expose(new AspireBuilder(aspireAppFor(native, aspireOptions))))
      .then(resolve, reject);
  Object.defineProperty(native, "then", { value: then, enumerable: false });
  return native as AppBuilder & PromiseLike<AspireBuilder>;
}

export {
  DistributedApplicationBuilder,
  DistributedApplication,
  ResourceBuilder,
  defineExtension,
  expr,
  uri,
  BosunError,
  ValidationError,
  type BuilderExtension,
  type BuilderOptions,
  type Manifest,
} from "@bosun/hosting";
export { postgres, PostgresServerBuilder, type PostgresOptions } from "@bosun/postgres";
export { redis, RedisBuilder, type RedisOptions } from "@bosun/redis";
export { rabbitmq, RabbitMQBuilder, type RabbitMQOptions } from "@bosun/rabbitmq";
export {
  refExpr,
  ReferenceExpression as AspireReferenceExpression,
  ContainerLifetime,
  DistributedApplicationOperation,
  EnvironmentCallbackContext,
  AspireBuilder,
  type CreateBuilderOptions,
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
  connect,
  registerCallback,
  Handle,
  CancellationToken,
  CapabilityError,
  AppHostUsageError,
} from "./aspire/index.js";
