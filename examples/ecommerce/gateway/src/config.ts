import { ServiceDefaultsError } from "@bosun/service-defaults";

/** One upstream service and the public path prefix routed to it. */
export interface Route {
  /** The resource name in the AppHost (`auth-api`). */
  readonly upstream: string;
  /** Its base URL, as bosun injects it (`services__auth-api__http__0`). */
  readonly baseUrl: URL;
  /** Requests under this prefix go to the upstream (`/api/auth`)… */
  readonly publicPrefix: string;
  /** …with the prefix replaced by this one (`/auth`). */
  readonly upstreamPrefix: string;
}

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly routes: readonly Route[];
  /** How long an upstream gets to answer a proxied request. */
  readonly upstreamTimeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Settings from the environment bosun injects (`PORT`, `services__<name>__http__0`). */
export function readConfig(env: Env = process.env): GatewayConfig {
  return {
    port: Number(env.PORT || 8080),
    host: env.HOST || "localhost",
    routes: [{ upstream: "auth-api", baseUrl: serviceUrl("auth-api", env), publicPrefix: "/api/auth", upstreamPrefix: "/auth" }],
    upstreamTimeoutMs: Number(env.GATEWAY_UPSTREAM_TIMEOUT_MS || 30_000),
  };
}

/** The first http endpoint of a referenced service: `services__<name>__http__0` (Aspire's service discovery variable). */
export function serviceUrl(name: string, env: Env): URL {
  const variable = `services__${name}__http__0`;
  const value = env[variable];
  if (value === undefined || value === "") {
    const identifier = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    throw new ServiceDefaultsError(`${variable} is not set; reference '${name}' from this service in the AppHost (.withReference(${identifier})) or set ${variable} to its URL`, { code: "CONFIGURATION" });
  }
  try {
    return new URL(value);
  } catch {
    throw new ServiceDefaultsError(`${variable} is not a URL: '${value}'`, { code: "CONFIGURATION" });
  }
}
