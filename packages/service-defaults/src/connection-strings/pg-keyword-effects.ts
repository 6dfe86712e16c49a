import type { PoolConfig } from "pg";
import { choice, flag, pemFile, positive, wholeNumber, type KeywordOption } from "./keyword-values.js";

export const SSL_MODES = ["Disable", "Allow", "Prefer", "Require", "VerifyCA", "VerifyFull"] as const;
export type SslModeName = (typeof SSL_MODES)[number];

/** What the keywords of one connection string add up to, before it becomes pg options. */
export interface PgSettingsDraft {
  pool: PoolConfig;
  ssl: { mode?: SslModeName; trust?: boolean; ca?: string; cert?: string; key?: string; passphrase?: string };
  /** `-c name=value` server settings, sent as the startup packet's `options`. */
  serverOptions: string[];
  includeErrorDetail: boolean;
  logParameters: boolean;
}

/** What an applied keyword does to the draft. */
export type KeywordEffect = (draft: PgSettingsDraft, option: KeywordOption, variable: string) => void;

const setting = (name: string): KeywordEffect => (draft, option) => void draft.serverOptions.push(`-c ${name}=${option.value.replace(/([\\\s])/g, "\\$1")}`);

/** The keywords pg can honour, by what they set. */
export const KEYWORD_EFFECTS = {
  applicationName: (draft, option) => void (draft.pool.application_name = option.value),
  searchPath: setting("search_path"),
  timezone: setting("TimeZone"),
  clientEncoding: (draft, option) => void (draft.pool.client_encoding = option.value),
  options: (draft, option) => void draft.serverOptions.push(option.value),
  sslMode: (draft, option, variable) => void (draft.ssl.mode = choice(option, variable, SSL_MODES)),
  trustServerCertificate: (draft, option, variable) => void (draft.ssl.trust = flag(option, variable)),
  rootCertificate: (draft, option, variable) => void (draft.ssl.ca = pemFile(option, variable)),
  sslCertificate: (draft, option, variable) => void (draft.ssl.cert = pemFile(option, variable)),
  sslKey: (draft, option, variable) => void (draft.ssl.key = pemFile(option, variable)),
  sslPassword: (draft, option) => void (draft.ssl.passphrase = option.value),
  channelBinding: (draft, option, variable) => void (draft.pool.enableChannelBinding = choice(option, variable, ["Disable", "Prefer", "Require"]) !== "Disable"),
  logParameters: (draft, option, variable) => void (draft.logParameters = flag(option, variable)),
  includeErrorDetail: (draft, option, variable) => void (draft.includeErrorDetail = flag(option, variable)),
  // Without pooling every connection is used once, as Npgsql opens a physical connection per open.
  pooling: (draft, option, variable) => void (draft.pool.maxUses = flag(option, variable) ? undefined : 1),
  minPoolSize: (draft, option, variable) => void (draft.pool.min = wholeNumber(option, variable)),
  maxPoolSize: (draft, option, variable) => void (draft.pool.max = positive(option, variable)),
  connectionIdleLifetime: (draft, option, variable) => void (draft.pool.idleTimeoutMillis = wholeNumber(option, variable) * 1000),
  connectionLifetime: (draft, option, variable) => void (draft.pool.maxLifetimeSeconds = wholeNumber(option, variable)),
  timeout: (draft, option, variable) => void (draft.pool.connectionTimeoutMillis = wholeNumber(option, variable) * 1000),
  commandTimeout: (draft, option, variable) => commandTimeout(draft, wholeNumber(option, variable)),
  keepalive: (draft, option, variable) => keepAlive(draft, wholeNumber(option, variable)),
  tcpKeepalive: (draft, option, variable) => void (draft.pool.keepAlive = flag(option, variable)),
  tcpKeepaliveTime: (draft, option, variable) => keepAlive(draft, wholeNumber(option, variable)),
} satisfies Record<string, KeywordEffect>;

/** Server-side `statement_timeout`, plus a client-side read timeout a second later for a server that stopped answering. */
function commandTimeout(draft: PgSettingsDraft, seconds: number): void {
  draft.pool.statement_timeout = seconds === 0 ? undefined : seconds * 1000;
  draft.pool.query_timeout = seconds === 0 ? undefined : seconds * 1000 + 1000;
}

function keepAlive(draft: PgSettingsDraft, seconds: number): void {
  draft.pool.keepAlive = seconds !== 0;
  draft.pool.keepAliveInitialDelayMillis = seconds === 0 ? undefined : seconds * 1000;
}
