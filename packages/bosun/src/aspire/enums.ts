// Aspire's enums, as the generated modules of its playground AppHosts define them (dotnet/aspire at
// d44e195d): exported so an AppHost that imports them loads. The APIs that take them are refused
// at the call, except ContainerLifetime and DistributedApplicationOperation (container.ts,
// execution-context.ts) and ProtocolType.Tcp (withEndpoint).

/** Aspire's AzureAppConfigurationRole. */
export const AzureAppConfigurationRole = Object.freeze({ AppConfigurationDataOwner: "AppConfigurationDataOwner", AppConfigurationDataReader: "AppConfigurationDataReader" } as const);
/** Aspire's AzureContainerRegistryRole. */
export const AzureContainerRegistryRole = Object.freeze({ AcrDelete: "AcrDelete", AcrImageSigner: "AcrImageSigner", AcrPull: "AcrPull", AcrPush: "AcrPush", AcrQuarantineReader: "AcrQuarantineReader", AcrQuarantineWriter: "AcrQuarantineWriter" } as const);
/** Aspire's AzureEventHubsRole. */
export const AzureEventHubsRole = Object.freeze({ AzureEventHubsDataOwner: "AzureEventHubsDataOwner", AzureEventHubsDataReceiver: "AzureEventHubsDataReceiver", AzureEventHubsDataSender: "AzureEventHubsDataSender" } as const);
/** Aspire's AzureKeyVaultRole. */
export const AzureKeyVaultRole = Object.freeze({ KeyVaultAdministrator: "KeyVaultAdministrator", KeyVaultCertificateUser: "KeyVaultCertificateUser", KeyVaultCertificatesOfficer: "KeyVaultCertificatesOfficer", KeyVaultContributor: "KeyVaultContributor", KeyVaultCryptoOfficer: "KeyVaultCryptoOfficer", KeyVaultCryptoServiceEncryptionUser: "KeyVaultCryptoServiceEncryptionUser", KeyVaultCryptoServiceReleaseUser: "KeyVaultCryptoServiceReleaseUser", KeyVaultCryptoUser: "KeyVaultCryptoUser", KeyVaultDataAccessAdministrator: "KeyVaultDataAccessAdministrator", KeyVaultReader: "KeyVaultReader", KeyVaultSecretsOfficer: "KeyVaultSecretsOfficer", KeyVaultSecretsUser: "KeyVaultSecretsUser", ManagedHsmContributor: "ManagedHsmContributor" } as const);
/** Aspire's AzureOpenAIRole. */
export const AzureOpenAIRole = Object.freeze({ CognitiveServicesOpenAIContributor: "CognitiveServicesOpenAIContributor", CognitiveServicesOpenAIUser: "CognitiveServicesOpenAIUser", CognitiveServicesUser: "CognitiveServicesUser" } as const);
/** Aspire's AzureSearchRole. */
export const AzureSearchRole = Object.freeze({ SearchIndexDataContributor: "SearchIndexDataContributor", SearchIndexDataReader: "SearchIndexDataReader", SearchServiceContributor: "SearchServiceContributor" } as const);
/** Aspire's AzureServiceBusFilterType. */
export const AzureServiceBusFilterType = Object.freeze({ SqlFilter: "SqlFilter", CorrelationFilter: "CorrelationFilter" } as const);
/** Aspire's AzureServiceBusRole. */
export const AzureServiceBusRole = Object.freeze({ AzureServiceBusDataOwner: "AzureServiceBusDataOwner", AzureServiceBusDataReceiver: "AzureServiceBusDataReceiver", AzureServiceBusDataSender: "AzureServiceBusDataSender" } as const);
/** Aspire's AzureSignalRRole. */
export const AzureSignalRRole = Object.freeze({ SignalRContributor: "SignalRContributor", SignalRAppServer: "SignalRAppServer", SignalRRestApiOwner: "SignalRRestApiOwner" } as const);
/** Aspire's AzureStorageRole. */
export const AzureStorageRole = Object.freeze({ ClassicStorageAccountContributor: "ClassicStorageAccountContributor", ClassicStorageAccountKeyOperatorServiceRole: "ClassicStorageAccountKeyOperatorServiceRole", StorageAccountBackupContributor: "StorageAccountBackupContributor", StorageAccountContributor: "StorageAccountContributor", StorageAccountKeyOperatorServiceRole: "StorageAccountKeyOperatorServiceRole", StorageBlobDataContributor: "StorageBlobDataContributor", StorageBlobDataOwner: "StorageBlobDataOwner", StorageBlobDataReader: "StorageBlobDataReader", StorageBlobDelegator: "StorageBlobDelegator", StorageFileDataPrivilegedContributor: "StorageFileDataPrivilegedContributor", StorageFileDataPrivilegedReader: "StorageFileDataPrivilegedReader", StorageFileDataSmbShareContributor: "StorageFileDataSmbShareContributor", StorageFileDataSmbShareReader: "StorageFileDataSmbShareReader", StorageFileDataSmbShareElevatedContributor: "StorageFileDataSmbShareElevatedContributor", StorageQueueDataContributor: "StorageQueueDataContributor", StorageQueueDataReader: "StorageQueueDataReader", StorageQueueDataMessageSender: "StorageQueueDataMessageSender", StorageQueueDataMessageProcessor: "StorageQueueDataMessageProcessor", StorageTableDataContributor: "StorageTableDataContributor", StorageTableDataReader: "StorageTableDataReader" } as const);
/** Aspire's AzureWebPubSubRole. */
export const AzureWebPubSubRole = Object.freeze({ WebPubSubContributor: "WebPubSubContributor", WebPubSubServiceOwner: "WebPubSubServiceOwner", WebPubSubServiceReader: "WebPubSubServiceReader" } as const);
/** Aspire's CertificateTrustScope. */
export const CertificateTrustScope = Object.freeze({ None: "None", Append: "Append", Override: "Override", System: "System" } as const);
/** Aspire's CookieSecurePolicy. */
export const CookieSecurePolicy = Object.freeze({ SameAsRequest: "SameAsRequest", Always: "Always", None: "None" } as const);
/** Aspire's DeploymentScope. */
export const DeploymentScope = Object.freeze({ ResourceGroup: "ResourceGroup", Subscription: "Subscription", ManagementGroup: "ManagementGroup", Tenant: "Tenant" } as const);
/** Aspire's EndpointProperty. */
export const EndpointProperty = Object.freeze({ Url: "Url", Host: "Host", IPV4Host: "IPV4Host", Port: "Port", Scheme: "Scheme", TargetPort: "TargetPort", HostAndPort: "HostAndPort", TlsEnabled: "TlsEnabled" } as const);
/** Aspire's EntrypointType. */
export const EntrypointType = Object.freeze({ Executable: "Executable", Script: "Script", Module: "Module" } as const);
/** Aspire's ForwardedTransformActions. */
export const ForwardedTransformActions = Object.freeze({ Off: "Off", Set: "Set", Append: "Append", Remove: "Remove" } as const);
/** Aspire's FoundryRole. */
export const FoundryRole = Object.freeze({ CognitiveServicesOpenAIContributor: "CognitiveServicesOpenAIContributor", CognitiveServicesOpenAIUser: "CognitiveServicesOpenAIUser", CognitiveServicesUser: "CognitiveServicesUser" } as const);
/** Aspire's GitHubModelName. */
export const GitHubModelName = Object.freeze({ AI21Jamba15Large: "AI21Jamba15Large", CohereCommandA: "CohereCommandA", CohereCommandR082024: "CohereCommandR082024", CohereCommandRPlus082024: "CohereCommandRPlus082024", DeepSeekR1: "DeepSeekR1", DeepSeekR10528: "DeepSeekR10528", DeepSeekV30324: "DeepSeekV30324", Llama4Maverick17B128EInstructFP8: "Llama4Maverick17B128EInstructFP8", Llama4Scout17B16EInstruct: "Llama4Scout17B16EInstruct", Llama3211BVisionInstruct: "Llama3211BVisionInstruct", Llama3290BVisionInstruct: "Llama3290BVisionInstruct", Llama3370BInstruct: "Llama3370BInstruct", MetaLlama31405BInstruct: "MetaLlama31405BInstruct", MetaLlama318BInstruct: "MetaLlama318BInstruct", MaiDSR1: "MaiDSR1", Phi4: "Phi4", Phi4MiniInstruct: "Phi4MiniInstruct", Phi4MiniReasoning: "Phi4MiniReasoning", Phi4MultimodalInstruct: "Phi4MultimodalInstruct", Phi4Reasoning: "Phi4Reasoning", Codestral2501: "Codestral2501", Ministral3B: "Ministral3B", MistralMedium32505: "MistralMedium32505", MistralSmall31: "MistralSmall31", OpenAIGpt41: "OpenAIGpt41", OpenAIGpt41Mini: "OpenAIGpt41Mini", OpenAIGpt41Nano: "OpenAIGpt41Nano", OpenAIGpt4o: "OpenAIGpt4o", OpenAIGpt4oMini: "OpenAIGpt4oMini", OpenAIGpt5: "OpenAIGpt5", OpenAIGpt5ChatPreview: "OpenAIGpt5ChatPreview", OpenAIGpt5Mini: "OpenAIGpt5Mini", OpenAIGpt5Nano: "OpenAIGpt5Nano", OpenAIO1: "OpenAIO1", OpenAIO1Mini: "OpenAIO1Mini", OpenAIO1Preview: "OpenAIO1Preview", OpenAIO3: "OpenAIO3", OpenAIO3Mini: "OpenAIO3Mini", OpenAIO4Mini: "OpenAIO4Mini", OpenAITextEmbedding3Large: "OpenAITextEmbedding3Large", OpenAITextEmbedding3Small: "OpenAITextEmbedding3Small", Grok3: "Grok3", Grok3Mini: "Grok3Mini" } as const);
/** Aspire's HeaderMatchMode. */
export const HeaderMatchMode = Object.freeze({ ExactHeader: "ExactHeader", HeaderPrefix: "HeaderPrefix", Contains: "Contains", NotContains: "NotContains", Exists: "Exists", NotExists: "NotExists" } as const);
/** Aspire's HttpVersionPolicy. */
export const HttpVersionPolicy = Object.freeze({ RequestVersionOrLower: "RequestVersionOrLower", RequestVersionOrHigher: "RequestVersionOrHigher", RequestVersionExact: "RequestVersionExact" } as const);
/** Aspire's IconVariant. */
export const IconVariant = Object.freeze({ Regular: "Regular", Filled: "Filled" } as const);
/** Aspire's ImagePullPolicy. */
export const ImagePullPolicy = Object.freeze({ Default: "Default", Always: "Always", Missing: "Missing", Never: "Never" } as const);
/** Aspire's NodeFormat. */
export const NodeFormat = Object.freeze({ None: "None", Random: "Random", RandomAndPort: "RandomAndPort", RandomAndRandomPort: "RandomAndRandomPort", Unknown: "Unknown", UnknownAndPort: "UnknownAndPort", UnknownAndRandomPort: "UnknownAndRandomPort", Ip: "Ip", IpAndPort: "IpAndPort", IpAndRandomPort: "IpAndRandomPort" } as const);
/** Aspire's OtlpProtocol. */
export const OtlpProtocol = Object.freeze({ Grpc: "Grpc", HttpProtobuf: "HttpProtobuf", HttpJson: "HttpJson" } as const);
/** Aspire's ProbeType. */
export const ProbeType = Object.freeze({ Startup: "Startup", Readiness: "Readiness", Liveness: "Liveness" } as const);
/** Aspire's ProtocolType. */
export const ProtocolType = Object.freeze({ IP: "IP", IPv6HopByHopOptions: "IPv6HopByHopOptions", Unspecified: "Unspecified", Icmp: "Icmp", Igmp: "Igmp", Ggp: "Ggp", IPv4: "IPv4", Tcp: "Tcp", Pup: "Pup", Udp: "Udp", Idp: "Idp", IPv6: "IPv6", IPv6RoutingHeader: "IPv6RoutingHeader", IPv6FragmentHeader: "IPv6FragmentHeader", IPSecEncapsulatingSecurityPayload: "IPSecEncapsulatingSecurityPayload", IPSecAuthenticationHeader: "IPSecAuthenticationHeader", IcmpV6: "IcmpV6", IPv6NoNextHeader: "IPv6NoNextHeader", IPv6DestinationOptions: "IPv6DestinationOptions", ND: "ND", Raw: "Raw", Ipx: "Ipx", Spx: "Spx", SpxII: "SpxII", Unknown: "Unknown" } as const);
/** Aspire's QueryParameterMatchMode. */
export const QueryParameterMatchMode = Object.freeze({ Exact: "Exact", Contains: "Contains", NotContains: "NotContains", Prefix: "Prefix", Exists: "Exists" } as const);
/** Aspire's ResponseCondition. */
export const ResponseCondition = Object.freeze({ Always: "Always", Success: "Success", Failure: "Failure" } as const);
/** Aspire's SameSiteMode. */
export const SameSiteMode = Object.freeze({ None: "None", Lax: "Lax", Strict: "Strict", Unspecified: "Unspecified" } as const);
/** Aspire's UrlDisplayLocation. */
export const UrlDisplayLocation = Object.freeze({ SummaryAndDetails: "SummaryAndDetails", DetailsOnly: "DetailsOnly" } as const);
/** Aspire's WaitBehavior. */
export const WaitBehavior = Object.freeze({ WaitOnResourceUnavailable: "WaitOnResourceUnavailable", StopOnResourceUnavailable: "StopOnResourceUnavailable" } as const);
/** Aspire's YarpSslProtocol. */
export const YarpSslProtocol = Object.freeze({ None: "None", Tls12: "Tls12", Tls13: "Tls13" } as const);
