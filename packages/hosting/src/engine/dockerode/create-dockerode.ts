import { readFile } from "node:fs/promises";
import { Agent } from "node:https";
import { join } from "node:path";
import type Docker from "dockerode";
import type { EngineEndpoint } from "../engine-endpoint.js";
import { loadDockerode } from "./load-dockerode.js";

/**
 * A dockerode connection to exactly this endpoint. Every connection option is set explicitly,
 * because docker-modem otherwise fills the gaps from DOCKER_HOST in process.env.
 */
export async function createDockerode(endpoint: EngineEndpoint): Promise<Docker> {
  // Loaded on first use: dockerode and ssh2 take a good part of a second to import, and the
  // commands that never talk to an engine (manifest, --help) should not pay for them.
  const Docker = loadDockerode();
  const none = { socketPath: undefined, host: undefined, port: undefined, ca: undefined, cert: undefined, key: undefined };
  if (endpoint.kind === "unix") return new Docker({ ...none, socketPath: endpoint.socketPath, protocol: "http" });
  if (endpoint.tls === undefined) {
    return new Docker({ ...none, host: endpoint.host, port: endpoint.port, protocol: "http" });
  }
  const [ca, cert, key] = await Promise.all(
    ["ca.pem", "cert.pem", "key.pem"].map((file) => readFile(join(endpoint.tls?.certDir ?? "", file))),
  );
  const agent = endpoint.tls.verify ? undefined : new Agent({ ca, cert, key, rejectUnauthorized: false });
  return new Docker({ ...none, host: endpoint.host, port: endpoint.port, protocol: "https", ca, cert, key, ...(agent ? { agent } : {}) });
}
