import { BosunError } from "../errors/bosun-error.js";

const DEFAULT_SOCKET = "/var/run/docker.sock";

/** Client certificates for a TLS engine: `ca.pem`, `cert.pem` and `key.pem` in one folder. */
export interface EngineTls {
  readonly certDir: string;
  /** False only for a Docker context saved with SkipTLSVerify. */
  readonly verify: boolean;
}

/** Where a Docker engine listens; how bosun talks to it is the client's concern. */
export type EngineEndpoint =
  | { readonly kind: "unix"; readonly socketPath: string }
  | { readonly kind: "tcp"; readonly host: string; readonly port: number; readonly tls?: EngineTls };

/**
 * Parses a Docker host address as DOCKER_HOST and Docker contexts write it: `unix:///path`,
 * `tcp://host:port`, `http://host:port` or a bare `host:port`. TLS comes from `tls` (DOCKER_TLS_VERIFY
 * or the context's certificates), as with the Docker CLI.
 * @example parseDockerHost("tcp://127.0.0.1:2375") // { kind: "tcp", host: "127.0.0.1", port: 2375 }
 */
export function parseDockerHost(address: string, tls?: EngineTls): EngineEndpoint {
  const value = address.trim();
  if (value.startsWith("unix://")) return { kind: "unix", socketPath: value.slice("unix://".length) || DEFAULT_SOCKET };
  const withScheme = value.includes("://") ? value : `tcp://${value}`;
  const scheme = withScheme.slice(0, withScheme.indexOf("://"));
  if (scheme !== "tcp" && scheme !== "http") {
    throw new BosunError(`'${address}' uses ${scheme}://, which bosun does not support; use unix:// or tcp://`, {
      code: "CONFIGURATION",
    });
  }
  let url: URL;
  try {
    url = new URL(withScheme.replace(/^[a-z]+:/, "http:"));
  } catch (error) {
    throw new BosunError(`'${address}' is not a Docker host address; use unix:///path or tcp://host:port`, {
      code: "CONFIGURATION",
      cause: error,
    });
  }
  const port = url.port === "" ? (tls ? 2376 : 2375) : Number(url.port);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return tls === undefined ? { kind: "tcp", host, port } : { kind: "tcp", host, port, tls };
}

/** The endpoint as an address, e.g. `unix:///var/run/docker.sock` or `tcp://10.0.0.5:2376 (TLS)`. */
export function formatEngineEndpoint(endpoint: EngineEndpoint): string {
  if (endpoint.kind === "unix") return `unix://${endpoint.socketPath}`;
  const host = endpoint.host.includes(":") ? `[${endpoint.host}]` : endpoint.host;
  return `tcp://${host}:${endpoint.port}${endpoint.tls ? " (TLS)" : ""}`;
}
