import type { EngineEndpoint } from "./engine-endpoint.js";

/**
 * One place a Docker engine may listen, with the words used to report it
 * ("DOCKER_HOST=unix:///x", "docker context 'foo' (unix:///…)", "default socket /var/run/docker.sock").
 * A candidate without an endpoint could not be resolved; `problem` says why.
 */
export type EngineCandidate =
  | { readonly description: string; readonly endpoint: EngineEndpoint }
  | { readonly description: string; readonly endpoint?: undefined; readonly problem: string };
