import { normalizeKeyword } from "./keyword-list.js";
import { KEYWORD_EFFECTS, type KeywordEffect } from "./pg-keyword-effects.js";

/** One Npgsql connection-string keyword: its canonical name, its other spellings, and what bosun does with it. */
export interface NpgsqlKeyword {
  /** Npgsql's canonical (display) name, e.g. `Minimum Pool Size`. */
  readonly name: string;
  /** Npgsql's property name and synonyms, plus the libpq URI parameter where there is one. */
  readonly aliases: readonly string[];
  /** Applied to the pg pool or client, or ignored with the reason logged once at start. */
  readonly effect: KeywordEffect | { readonly ignored: string };
}

const ignored = (reason: string) => ({ ignored: reason });
const NO_GSS = ignored("pg has no GSSAPI/Kerberos authentication");
const NO_FAILOVER = ignored("pg connects to one host; there is no multi-host failover or load balancing");
const NO_PREPARE = ignored("pg prepares a statement only when the query names it");
const SOCKETS = ignored("pg uses Node's socket buffers");

/**
 * Every keyword of NpgsqlConnectionStringBuilder (Npgsql 9), obsolete ones included. Host, Port,
 * Database, Username and Password are read by the parser itself.
 */
export const NPGSQL_KEYWORDS: readonly NpgsqlKeyword[] = [
  { name: "Passfile", aliases: [], effect: ignored("pg reads the file named by PGPASSFILE (default ~/.pgpass) when no password is given") },
  { name: "Application Name", aliases: ["ApplicationName", "application_name"], effect: KEYWORD_EFFECTS.applicationName },
  { name: "Enlist", aliases: [], effect: ignored("Node has no ambient transactions") },
  { name: "Search Path", aliases: ["SearchPath"], effect: KEYWORD_EFFECTS.searchPath },
  { name: "Client Encoding", aliases: ["ClientEncoding", "client_encoding"], effect: KEYWORD_EFFECTS.clientEncoding },
  { name: "Encoding", aliases: [], effect: ignored("pg always decodes text as UTF-8") },
  { name: "Timezone", aliases: [], effect: KEYWORD_EFFECTS.timezone },
  { name: "SSL Mode", aliases: ["SslMode", "sslmode"], effect: KEYWORD_EFFECTS.sslMode },
  { name: "SSL Negotiation", aliases: ["SslNegotiation"], effect: ignored("pg always negotiates TLS the PostgreSQL way (no direct TLS)") },
  { name: "GSS Encryption Mode", aliases: ["GssEncryptionMode"], effect: NO_GSS },
  { name: "SSL Certificate", aliases: ["SslCertificate", "sslcert"], effect: KEYWORD_EFFECTS.sslCertificate },
  { name: "SSL Key", aliases: ["SslKey", "sslkey"], effect: KEYWORD_EFFECTS.sslKey },
  { name: "SSL Password", aliases: ["SslPassword", "sslpassword"], effect: KEYWORD_EFFECTS.sslPassword },
  { name: "Root Certificate", aliases: ["RootCertificate", "sslrootcert"], effect: KEYWORD_EFFECTS.rootCertificate },
  { name: "Check Certificate Revocation", aliases: ["CheckCertificateRevocation"], effect: ignored("Node's TLS does not check revocation lists") },
  { name: "Kerberos Service Name", aliases: ["KerberosServiceName", "Krbsrvname"], effect: NO_GSS },
  { name: "Include Realm", aliases: ["IncludeRealm"], effect: NO_GSS },
  { name: "Persist Security Info", aliases: ["PersistSecurityInfo"], effect: ignored("service-defaults never hands the connection string back") },
  { name: "Log Parameters", aliases: ["LogParameters"], effect: KEYWORD_EFFECTS.logParameters },
  { name: "Include Error Detail", aliases: ["IncludeErrorDetail"], effect: KEYWORD_EFFECTS.includeErrorDetail },
  { name: "Include Failed Batched Command", aliases: ["IncludeFailedBatchedCommand"], effect: ignored("pg sends no batches") },
  { name: "Channel Binding", aliases: ["ChannelBinding"], effect: KEYWORD_EFFECTS.channelBinding },
  { name: "Require Auth", aliases: ["RequireAuth"], effect: ignored("pg accepts whichever method the server asks for") },
  { name: "Pooling", aliases: [], effect: KEYWORD_EFFECTS.pooling },
  { name: "Minimum Pool Size", aliases: ["MinPoolSize"], effect: KEYWORD_EFFECTS.minPoolSize },
  { name: "Maximum Pool Size", aliases: ["MaxPoolSize"], effect: KEYWORD_EFFECTS.maxPoolSize },
  { name: "Connection Idle Lifetime", aliases: ["ConnectionIdleLifetime"], effect: KEYWORD_EFFECTS.connectionIdleLifetime },
  { name: "Connection Pruning Interval", aliases: ["ConnectionPruningInterval"], effect: ignored("pg closes each idle connection on its own timer (Connection Idle Lifetime)") },
  { name: "Connection Lifetime", aliases: ["ConnectionLifetime", "Load Balance Timeout"], effect: KEYWORD_EFFECTS.connectionLifetime },
  { name: "Timeout", aliases: ["connect_timeout", "ConnectTimeout"], effect: KEYWORD_EFFECTS.timeout },
  { name: "Command Timeout", aliases: ["CommandTimeout"], effect: KEYWORD_EFFECTS.commandTimeout },
  { name: "Cancellation Timeout", aliases: ["CancellationTimeout"], effect: ignored("pg does not cancel on the client side; Command Timeout is enforced by the server") },
  { name: "Target Session Attributes", aliases: ["TargetSessionAttributes", "target_session_attrs"], effect: NO_FAILOVER },
  { name: "Load Balance Hosts", aliases: ["LoadBalanceHosts"], effect: NO_FAILOVER },
  { name: "Host Recheck Seconds", aliases: ["HostRecheckSeconds"], effect: NO_FAILOVER },
  { name: "Keepalive", aliases: [], effect: KEYWORD_EFFECTS.keepalive },
  { name: "TCP Keepalive", aliases: ["TcpKeepAlive"], effect: KEYWORD_EFFECTS.tcpKeepalive },
  { name: "TCP Keepalive Time", aliases: ["TcpKeepAliveTime"], effect: KEYWORD_EFFECTS.tcpKeepaliveTime },
  { name: "TCP Keepalive Interval", aliases: ["TcpKeepAliveInterval"], effect: ignored("Node sets only the first keepalive delay, not the interval") },
  { name: "Read Buffer Size", aliases: ["ReadBufferSize"], effect: SOCKETS },
  { name: "Write Buffer Size", aliases: ["WriteBufferSize"], effect: SOCKETS },
  { name: "Socket Receive Buffer Size", aliases: ["SocketReceiveBufferSize"], effect: SOCKETS },
  { name: "Socket Send Buffer Size", aliases: ["SocketSendBufferSize"], effect: SOCKETS },
  { name: "Max Auto Prepare", aliases: ["MaxAutoPrepare"], effect: NO_PREPARE },
  { name: "Auto Prepare Min Usages", aliases: ["AutoPrepareMinUsages"], effect: NO_PREPARE },
  { name: "No Reset On Close", aliases: ["NoResetOnClose"], effect: ignored("pg does not reset a connection when it returns to the pool") },
  { name: "Replication Mode", aliases: ["ReplicationMode"], effect: ignored("internal to Npgsql's replication connections") },
  { name: "Options", aliases: [], effect: KEYWORD_EFFECTS.options },
  { name: "Array Nullability Mode", aliases: ["ArrayNullabilityMode"], effect: ignored("pg returns arrays with nulls as they are") },
  { name: "Load Table Composites", aliases: ["LoadTableComposites"], effect: ignored("obsolete in Npgsql; pg loads no composite types") },
  { name: "Server Compatibility Mode", aliases: ["ServerCompatibilityMode"], effect: ignored("obsolete in Npgsql; pg reads no type catalog") },
  { name: "Trust Server Certificate", aliases: ["TrustServerCertificate"], effect: KEYWORD_EFFECTS.trustServerCertificate },
  { name: "Internal Command Timeout", aliases: ["InternalCommandTimeout"], effect: ignored("obsolete in Npgsql") },
];

const BY_NORMALIZED = new Map<string, NpgsqlKeyword>(
  NPGSQL_KEYWORDS.flatMap((keyword) => [keyword.name, ...keyword.aliases].map((spelling) => [normalizeKeyword(spelling), keyword] as const)),
);

/** The keyword a spelling stands for (case and spaces do not matter: `minpoolsize`, `Min Pool Size`), if Npgsql knows it. */
export function npgsqlKeyword(spelling: string): NpgsqlKeyword | undefined {
  return BY_NORMALIZED.get(normalizeKeyword(spelling));
}
