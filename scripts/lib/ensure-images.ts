import { existsSync } from "node:fs";
import { join } from "node:path";
import { BosunError } from "@bosun/hosting";
import { IMAGE_MAP_VARIABLE, loadImageSubstitution, REGISTRY_MIRROR_VARIABLE, type EngineClient } from "@bosun/hosting/runtime";
import { runCommand } from "./run-command.js";

const PROBE_IMAGE = "docker.io/library/postgres";
const REGISTRY_TIMEOUT_MS = 5_000;

export interface EnsureImagesOptions {
  /** The repository root: where scripts/images-offline.sh and images/offline/ live. */
  readonly root: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: (line: string) => void;
}

/**
 * Makes sure the official images bosun defaults to can be had: an image substitution the user
 * configured is respected; a reachable registry needs nothing; otherwise the offline stand-ins are
 * built and the environment to add (BOSUN_IMAGE_MAP) is returned.
 */
export async function ensureImages(engine: EngineClient, options: EnsureImagesOptions): Promise<Record<string, string>> {
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  if (env[IMAGE_MAP_VARIABLE] || env[REGISTRY_MIRROR_VARIABLE]) {
    // Loading validates it now, with a clear message, rather than in the middle of a run.
    const substitution = loadImageSubstitution({ env, cwd: options.root });
    log(`images: using ${substitution.description}`);
    return {};
  }

  const registry = await engine.images.distributionReachable(PROBE_IMAGE, REGISTRY_TIMEOUT_MS);
  if (registry.reachable) {
    log("images: the registry answers; official images are pulled when needed");
    return {};
  }

  log(`images: no registry reachable (${registry.detail})`);
  log("images: building the offline stand-ins from Debian packages: bash scripts/images-offline.sh");
  const code = await runCommand("bash", [join(options.root, "scripts", "images-offline.sh")], { cwd: options.root, env });
  const mapPath = join(options.root, "images", "offline", "image-map.json");
  if (code !== 0) {
    throw new BosunError(`building the offline images failed (scripts/images-offline.sh exited with code ${code}); see its output above`, {
      code: "IMAGE_NOT_AVAILABLE",
    });
  }
  if (!existsSync(mapPath)) {
    throw new BosunError(`scripts/images-offline.sh finished but ${mapPath} is missing`, { code: "IMAGE_NOT_AVAILABLE" });
  }
  log(`images: ${IMAGE_MAP_VARIABLE}=${mapPath}`);
  return { [IMAGE_MAP_VARIABLE]: mapPath };
}
