import type { BreakerOptions, RetryOptions } from "@bosun/service-defaults";

/** The names the reference AppHost gives the resources auth-api references. */
export const DATABASE = "ecommercedb";
export const CACHE = "cache";
export const MESSAGING = "messaging";

export interface AuthApiConfig {
  readonly port: number;
  readonly host: string;
  readonly jwt: { readonly secret: Uint8Array; readonly accessTokenSeconds: number; readonly issuer: string; readonly audience: string };
  readonly refreshTokenDays: number;
  readonly lockout: { readonly maxFailedAttempts: number; readonly durationSeconds: number };
  readonly loginRateLimit: { readonly perAccount: number; readonly perClient: number; readonly windowSeconds: number };
  readonly database: { readonly retry: Partial<RetryOptions>; readonly breaker: Partial<BreakerOptions> };
  /** fastify `trustProxy`: whose X-Forwarded-For to believe (the gateway runs on this machine). */
  readonly trustProxy: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** An HS256 key shorter than this is refused (RFC 7518: at least the hash's 256 bits). */
export const MIN_JWT_SECRET_LENGTH = 32;

/**
 * Settings from the environment bosun injects plus optional AUTH_* overrides (see README.md). The
 * JWT signing key is AUTH_JWT_SECRET, a secret of its own (the AppHost's generated `auth-api-jwt-key`).
 */
export function readConfig(env: Env = process.env): AuthApiConfig {
  return {
    port: int(env, "PORT", 8080),
    host: env.HOST || "localhost",
    jwt: {
      secret: new TextEncoder().encode(jwtSecret(env)),
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

/** The request role migrations create: AUTH_DB_APP_ROLE (default `auth_app`) with AUTH_DB_APP_PASSWORD, which `up` needs. */
export function readAppRole(env: Env, needPassword: boolean): { readonly name: string; readonly password: string } {
  const password = env.AUTH_DB_APP_PASSWORD ?? "";
  if (needPassword && password === "") {
    throw new Error("AUTH_DB_APP_PASSWORD is not set; the AppHost passes its generated parameter 'auth-api-db-password' to the migration job, or set it by hand");
  }
  return { name: env.AUTH_DB_APP_ROLE || "auth_app", password };
}

function jwtSecret(env: Env): string {
  const secret = env.AUTH_JWT_SECRET ?? "";
  if (secret.length < MIN_JWT_SECRET_LENGTH) {
    throw new Error(
      `AUTH_JWT_SECRET ${secret === "" ? "is not set" : `has ${secret.length} characters`}; it needs at least ${MIN_JWT_SECRET_LENGTH} characters ` +
        "(the AppHost passes its generated parameter 'auth-api-jwt-key'; by hand: openssl rand -base64 32)",
    );
  }
  return secret;
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
