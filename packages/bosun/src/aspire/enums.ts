// Aspire's enums that the refused APIs take (so an AppHost that imports them loads, and fails at
// the refused call with its message); ContainerLifetime and DistributedApplicationOperation, which
// bosun honours, are in container.ts and execution-context.ts.

const members = <const K extends string>(...names: K[]) => Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { readonly [N in K]: N };

/** Aspire's CertificateTrustScope (withCertificateTrustScope is refused). */
export const CertificateTrustScope = members("None", "Append", "Override", "System");
/** Aspire's EndpointProperty. */
export const EndpointProperty = members("Url", "Host", "IPV4Host", "Port", "Scheme", "TargetPort", "HostAndPort", "TlsEnabled");
/** Aspire's IconVariant (withIconName is refused). */
export const IconVariant = members("Regular", "Filled");
/** Aspire's ImagePullPolicy (withImagePullPolicy is refused). */
export const ImagePullPolicy = members("Default", "Always", "Missing", "Never");
/** Aspire's OtlpProtocol (withOtlpExporterProtocol is refused). */
export const OtlpProtocol = members("Grpc", "HttpProtobuf", "HttpJson");
/** Aspire's ProbeType (withHttpProbe is refused). */
export const ProbeType = members("Startup", "Readiness", "Liveness");
/** Aspire's ProtocolType: bosun's endpoints are TCP. */
export const ProtocolType = members("Tcp", "Udp", "Unspecified", "IP", "IPv4", "IPv6", "Icmp", "IcmpV6", "Raw", "Unknown");
/** Aspire's UrlDisplayLocation (withUrl is refused). */
export const UrlDisplayLocation = members("SummaryAndDetails", "DetailsOnly");
/** Aspire's WaitBehavior (waitForWithBehavior is refused). */
export const WaitBehavior = members("WaitOnResourceUnavailable", "StopOnResourceUnavailable");
