import { randomUUID } from "node:crypto";
import { cli } from "./published-reference.js";

/**
 * `docker run` of a one-off container that fails when the container exits non-zero, then removes
 * it. Not `--rm`: through Podman 4.3's API, `docker run --rm` waits for the container's removal and
 * exits 0 whatever the container's exit code was; waiting for its exit reports the code on both.
 * Removed with its anonymous volumes (`-v`), which the images' VOLUME lines make.
 * @example await dockerRunOnce(["--network", "net", "redis:7", "redis-cli", "ping"])
 */
export async function dockerRunOnce(args: readonly string[], options: { timeoutMs?: number } = {}): Promise<string> {
  const name = `bosun-run-once-${randomUUID().slice(0, 8)}`;
  try {
    return await cli("docker", ["run", "--name", name, ...args], options);
  } finally {
    await cli("docker", ["rm", "-f", "-v", name]).catch(() => {});
  }
}
