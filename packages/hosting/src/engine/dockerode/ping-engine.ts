import type Docker from "dockerode";

/** GET /_ping, abandoned when `signal` fires (dockerode's typings do not expose its abortSignal option). */
export function pingEngine(docker: Docker, signal: AbortSignal): Promise<unknown> {
  const options = { path: "/_ping", method: "GET", abortSignal: signal, statusCodes: { 200: true, 500: "server error" } };
  return new Promise((resolve, reject) => {
    docker.modem.dial(options, (error, data) => (error ? reject(error) : resolve(data)));
  });
}
