import type Docker from "dockerode";
import { engineMessage, engineStatusCode, isRegistryUnreachableMessage } from "../engine-error.js";
import type { RegistryReachability } from "../image-client.js";
import { parseImageReference } from "../../images/image-reference.js";

/**
 * Asks the engine for an image's manifest (GET /distribution/{name}/json) without pulling it.
 * Any answer from the registry counts as reachable, even "unauthorized" or "not found"; the
 * engine's network errors (DNS, connect, TLS, timeout) and its silence within `timeoutMs` do not.
 */
export async function checkRegistry(docker: Docker, reference: string, timeoutMs: number): Promise<RegistryReachability> {
  const name = parseImageReference(reference).format();
  const options = {
    path: `/distribution/${name}/json`,
    method: "GET",
    abortSignal: AbortSignal.timeout(timeoutMs),
    statusCodes: { 200: true, 401: "unauthorized", 403: "forbidden", 404: "not found", 500: "server error" },
  };
  try {
    await new Promise((resolve, reject) => {
      docker.modem.dial(options, (error, data) => (error ? reject(error) : resolve(data)));
    });
    return { reachable: true, detail: `the registry answered for ${name}` };
  } catch (error) {
    const status = engineStatusCode(error);
    const message = engineMessage(error);
    if (status === undefined) {
      const timedOut = (error as Error).name === "AbortError" || (error as Error).name === "TimeoutError";
      return { reachable: false, detail: timedOut ? `no answer about ${name} within ${timeoutMs} ms` : message };
    }
    if (isRegistryUnreachableMessage(message)) return { reachable: false, detail: message };
    return { reachable: true, detail: `the registry answered for ${name}: ${message}` };
  }
}
