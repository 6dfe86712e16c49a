import {
  BosunError,
  EngineUnreachableError,
  ImageNotAvailableError,
  PortInUseError,
} from "../errors/bosun-error.js";

/** What bosun was doing when the engine failed, so the error can name it. */
export interface EngineOperation {
  /** A phrase that follows "cannot", e.g. "start container 'shop-postgres'". */
  readonly action: string;
  /** The engine's description, e.g. "default socket /var/run/docker.sock". */
  readonly endpoint: string;
  readonly image?: string;
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOENT", "EACCES", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
const PORT_TAKEN = /port is already allocated|address already in use/i;
const IMAGE_NOT_LOCAL = /no such image/i;
const IMAGE_NOT_IN_REGISTRY = /pull access denied|manifest unknown|manifest for .* not found|repository does not exist|not found: manifest/i;
const REGISTRY_UNREACHABLE = /dial tcp|lookup .*(no such host|server misbehaving)|i\/o timeout|connection refused|network is unreachable|TLS handshake timeout|context deadline exceeded|Client\.Timeout/i;
const NAME_CONFLICT = /name .* is already in use/i;

const OFFLINE_HINT =
  "check the name and tag, or, without registry access, build the stand-ins with `npm run images:offline` and set BOSUN_IMAGE_MAP, or set BOSUN_REGISTRY_MIRROR";

/** The engine's message says it could not reach a registry at all (DNS, connect, TLS, timeout). */
export function isRegistryUnreachableMessage(message: string): boolean {
  return REGISTRY_UNREACHABLE.test(message);
}

/** The HTTP status the engine answered with, when it answered. */
export function engineStatusCode(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : undefined;
}

/** The engine's own message without the HTTP client's "(HTTP code 404) no such container - " prefix. */
export function engineMessage(error: unknown): string {
  const json = (error as { json?: unknown } | null)?.json;
  const fromJson = typeof json === "object" && json !== null ? (json as { message?: unknown }).message : undefined;
  if (typeof fromJson === "string" && fromJson.trim() !== "") return fromJson.trim();
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^\(HTTP code \d+\) [^-]*- /, "").trim();
}

/**
 * Turns an engine failure into a BosunError that names what failed and what to do:
 * PortInUseError, ImageNotAvailableError, EngineUnreachableError, else code RUNTIME.
 */
export function toEngineError(error: unknown, operation: EngineOperation): BosunError {
  if (error instanceof BosunError) return error;
  const message = engineMessage(error);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const status = engineStatusCode(error);

  if (status === undefined && code !== undefined && CONNECTION_CODES.has(code)) {
    return new EngineUnreachableError(
      `cannot ${operation.action}: the Docker engine at ${operation.endpoint} stopped answering (${code}); start Docker again`,
      error,
    );
  }
  if (PORT_TAKEN.test(message)) {
    const address = /(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]|0\.0\.0\.0):(\d+)/i.exec(message);
    const port = address ? `host port ${address[1]}:${address[2]}` : "a host port it publishes";
    return new PortInUseError(
      `cannot ${operation.action}: ${port} is already in use; stop whatever holds it or choose another host port`,
      error,
    );
  }
  const imageProblem = operation.image === undefined ? undefined : describeImageProblem(operation.image, message);
  if (imageProblem !== undefined) {
    return new ImageNotAvailableError(`cannot ${operation.action}: ${imageProblem}; ${OFFLINE_HINT}`, error);
  }
  if (status === 409 && NAME_CONFLICT.test(message)) {
    return new BosunError(`cannot ${operation.action}: ${message}; remove that container or choose another name`, {
      code: "RUNTIME",
      cause: error,
    });
  }
  return new BosunError(`cannot ${operation.action}: the Docker engine answered: ${message}`, { code: "RUNTIME", cause: error });
}

function describeImageProblem(image: string, message: string): string | undefined {
  if (IMAGE_NOT_LOCAL.test(message)) return `image '${image}' is not present on the engine (pull it first)`;
  if (IMAGE_NOT_IN_REGISTRY.test(message)) return `the registry does not have '${image}' or refuses access (${message})`;
  if (REGISTRY_UNREACHABLE.test(message)) return `the registry is unreachable (${message})`;
  return undefined;
}
