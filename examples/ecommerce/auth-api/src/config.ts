import { createHmac } from "node:crypto";
import { parseConnectionString, connectionString, connectionStringVariable, type BreakerOptions, type RetryOptions } from "@bosun/service-defaults";

/** The names the reference AppHost gives the resources auth-api references. */
export const DATABASE = "ecommercedb";
export const CACHE = "cache";
export const MESSAGING = "messaging";

export interface AuthApiConfig {
  readonly port: number;
  readonly host: string;
  readonly appRole: { readonly name: string; readonly password: string };
  readonly jwt: { readonly secret: Uint8Array; readonly accessTokenSeconds: number; readonly issuer: string; readonly audience: string };
  readonly refreshTokenDays: number;
  readonly lockout: { readonly maxFailedAttempts: number; readonly durationSeconds: number };
  readonly loginRateLimit: { readonly perAccount: number; readonly perClient: number; readonly windowSeconds: number };
  readonly database: { readonly retry: Partial<RetryOptions>; readonly breaker: Partial<BreakerOptions> };
  /** fastify `trustProxy`: whose X-Forwarded-For to believe (the gateway runs on this machine). */
  readonly trustProxy: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Settings from the environment bosun injects plus optional AUTH_* overrides (see README.md).
 * Secrets not given are derived from the database owner's password, so they are stable across restarts
 * without being stored anywhere else.
 */
export function readConfig(env: Env = process.env): AuthApiConfig {
  const ownerPassword = parseConnectionString(connectionString(DATABASE, env), connectionStringVariable(DATABASE)).password ?? "";
  return {
    port: int(env, "PORT", 8080),
    host: env.HOST || "localhost",
    appRole: {
      name: env.AUTH_DB_APP_ROLE || "auth_app",
      password: env.AUTH_DB_APP_PASSWORD || derive(ownerPassword, "auth-api/app-role"),
    },
    jwt: {
      secret: new TextEncoder().encode(env.AUTH_JWT_SECRET || derive(ownerPassword, "auth-api/jwt")),
      accessTokenSeconds: int(env, "AUTH_ACCESS_TOKEN_SECONDS", 15 * 60),
      issuer: "auth-api",
      audience: "ecommerce",
    },
    refreshTokenDays: int(env, "AUTH_REFRESH_TOKEN_DAYS", 7),
    lockout: { maxFailedAttempts: int(env, "AUTH_LOCKOUT_MAX_FAILED", 5), durationSeconds: int(env, "AUTH_LOCKOUT_SECONDS", 5 * 60) },
    loginRateLimit: {
      perAccount: int(env, "AUTH_LOGIN_LIMIT_PER_ACCOUNT", 10),
      perClient: int(env, "AUTH_LOGIN_LIMIT_PER_CLIENT", 30),
      windowSeconds: int(env, "AUTH_LOGIN_LIMIT_WINDOW_SECONDS", 5 * 60),
    },
    database: {
      retry: optional(env, { maxRetries: "AUTH_DB_RETRY_MAX", initialDelayMs: "AUTH_DB_RETRY_INITIAL_DELAY_MS", maxDelayMs: "AUTH_DB_RETRY_MAX_DELAY_MS" }),
      breaker: optional(env, { consecutiveFailures: "AUTH_DB_BREAKER_FAILURES", halfOpenAfterMs: "AUTH_DB_BREAKER_HALF_OPEN_MS" }),
    },
    trustProxy: env.TRUST_PROXY || "loopback",
  };
}

/** A 256-bit secret bound to its purpose: HMAC-SHA-256(owner password, purpose), base64url. */
export function derive(ownerPassword: string, purpose: string): string {
  return createHmac("sha256", ownerPassword).update(purpose).digest("base64url");
}

function int(env: Env, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number, got '${text}'`);
  return Number(text);
}

/** The variables that are set, as numbers, under their option names. */
function optional<K extends string>(env: Env, names: Record<K, string>): Partial<Record<K, number>> {
  const result: Partial<Record<K, number>> = {};
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    if (env[name] !== undefined && env[name] !== "") result[key] = int(env, name, 0);
  }
  return result;
}
