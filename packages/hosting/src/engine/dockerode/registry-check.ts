import type Docker from "dockerode";
import { engineMessage, engineStatusCode, isRegistryUnreachableMessage } from "../engine-error.js";
import type { RegistryReachability } from "../image-client.js";
import { parseImageReference } from "../../images/image-reference.js";

/**
 * Asks the engine for an image's manifest (GET /distribution/{name}/json) without pulling it.
 * Any answer from the registry counts as reachable, even "unauthorized" or "not found"; the
 * engine's network errors (DNS, connect, TLS, timeout) and its silence within `timeoutMs` do not.
 * Engines without that endpoint (Podman 4.3 answers a bare 404 "Not Found") are asked to search
 * the registry for the name instead, which makes them contact the registry just the same.
 */
export async function checkRegistry(docker: Docker, reference: string, timeoutMs: number): Promise<RegistryReachability> {
  const name = parseImageReference(reference).format();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await ask(docker, `/distribution/${name}/json`, signal);
    return { reachable: true, detail: `the registry answered for ${name}` };
  } catch (error) {
    if (!isMissingEndpoint(error)) return reachabilityAfter(error, name, timeoutMs);
  }
  try {
    await ask(docker, `/images/search?term=${encodeURIComponent(name)}&limit=1`, signal);
    return { reachable: true, detail: `the registry answered a search for ${name}` };
  } catch (error) {
    return reachabilityAfter(error, name, timeoutMs);
  }
}

const STATUS_CODES = { 200: true, 401: "unauthorized", 403: "forbidden", 404: "not found", 500: "server error" };
// An engine's answer for a route it does not have, as opposed to a registry's JSON "not found".
const NO_SUCH_ROUTE = /^(404 )?(page )?not found$/i;

function ask(docker: Docker, path: string, abortSignal: AbortSignal): Promise<unknown> {
  return new Promise((resolve, reject) => {
    docker.modem.dial({ path, method: "GET", abortSignal, statusCodes: STATUS_CODES }, (error, data) => (error ? reject(error) : resolve(data)));
  });
}

function isMissingEndpoint(error: unknown): boolean {
  return engineStatusCode(error) === 404 && NO_SUCH_ROUTE.test(engineMessage(error).trim());
}

function reachabilityAfter(error: unknown, name: string, timeoutMs: number): RegistryReachability {
  const status = engineStatusCode(error);
  const message = engineMessage(error);
  if (status === undefined) {
    const timedOut = (error as Error).name === "AbortError" || (error as Error).name === "TimeoutError";
    return { reachable: false, detail: timedOut ? `no answer about ${name} within ${timeoutMs} ms` : message };
  }
  if (isRegistryUnreachableMessage(message)) return { reachable: false, detail: message };
  return { reachable: true, detail: `the registry answered for ${name}: ${message}` };
}
