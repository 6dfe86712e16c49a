import { connectEngine } from "@bosun/hosting/runtime";
import { PODMAN_HOST_VARIABLE } from "./podman-project.js";

/**
 * Vitest globalSetup of the podman project: Podman's service must answer at the address the
 * project's tests get as DOCKER_HOST, and it must be Podman; otherwise the run fails saying so.
 */
export default async function setup(): Promise<void> {
  const host = process.env[PODMAN_HOST_VARIABLE];
  const engine = await connectEngine({ env: { DOCKER_HOST: host } });
  const version = await engine.version();
  if (version.product !== "Podman") throw new Error(`${PODMAN_HOST_VARIABLE}=${host} answers as ${version.product}, not Podman; point it at 'podman system service'`);
}
