import { readFileSync } from "node:fs";
import { EngineUnreachableError } from "@bosun/hosting";
import { IMAGE_MAP_VARIABLE, type EngineClient } from "@bosun/hosting/runtime";
import { copyImagesToPodman } from "./copy-images-to-podman.js";
import { ensurePodman } from "./ensure-podman.js";
import { PODMAN_HOST } from "./podman-service.js";
import { DOCKER_ONLY_TESTS, NOT_YET_ON_PODMAN } from "../../test/docker-only-tests.js";

/** The offline stand-ins' base image: tests build one-off images FROM it (pgAdmin's stand-in, a sleeper). */
const OFFLINE_BASE_IMAGE = "bosun-offline/base:bookworm";

/**
 * Gets Podman ready for the podman test project: the service answering (provisioned if need be),
 * and the image stand-ins of the image map, and their base, copied from Docker. Returns the
 * environment the Podman run adds.
 */
export async function preparePodman(docker: EngineClient, env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const podman = await ensurePodman().catch((error: unknown) => {
    if (!(error instanceof EngineUnreachableError)) throw error;
    throw new EngineUnreachableError(`${error.message}; or leave Podman out: npm test -- --project unit --project docker`, error);
  });
  const mapPath = env[IMAGE_MAP_VARIABLE];
  const mapped = mapPath ? Object.values(JSON.parse(readFileSync(mapPath, "utf8")) as Record<string, string>) : [];
  const base = (await docker.images.inspect(OFFLINE_BASE_IMAGE)) ? [OFFLINE_BASE_IMAGE] : [];
  const images = [...mapped, ...base];
  const copied = await copyImagesToPodman({ docker, podman, images, env });
  console.log(`podman: ${copied.length === 0 ? "images already in place" : `copied ${copied.length} image(s)`}; ` +
    `the Podman run leaves out ${DOCKER_ONLY_TESTS.length} Docker-only test files and ${NOT_YET_ON_PODMAN.length} not passing on Podman yet (test/docker-only-tests.ts)`);
  return { BOSUN_PODMAN_HOST: PODMAN_HOST };
}
