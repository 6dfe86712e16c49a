import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createBuilder, isPermanentProbeError } from "@bosun/hosting";
import { loadImageSubstitution } from "@bosun/hosting/runtime";
import { describe, expect, it } from "vitest";
import { redis } from "./index.js";
import { redisProbeError } from "./redis-credentials.js";
import { REDIS_IMAGE, REDIS_REGISTRY, REDIS_TAG } from "./redis-images.js";
import { probeRedis } from "./redis-probe.js";

const run = promisify(execFile);
const image = loadImageSubstitution({ env: process.env, cwd: process.cwd() }).substitute(`${REDIS_REGISTRY}/${REDIS_IMAGE}:${REDIS_TAG}`).image;

/** What a real server's refusal becomes after the probe: the error redisProbeError makes of it. */
async function probeError(url: string): Promise<unknown> {
  const cache = createBuilder({ appHostDirectory: "/tmp/shop/apphost", appName: "shop" }).use(redis).addRedis("cache");
  const started = Date.now();
  for (;;) {
    try {
      await probeRedis(url);
      return undefined;
    } catch (error) {
      const classified = redisProbeError(error, cache.resource, cache.appHost);
      // The server may not listen yet: only its answer counts.
      if (classified !== error || Date.now() - started > 30_000) return classified;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("a Redis server that refuses the probe's password", () => {
  it("answers WRONGPASS to another password and NOAUTH to none, both permanent for the probe", async () => {
    const name = `bosun-redis-credentials-${process.pid}`;
    await run("docker", ["run", "-d", "--name", name, "-p", "127.0.0.1::6379", image, "redis-server", "--requirepass", "right-password", "--protected-mode", "no"]);
    try {
      const port = (await run("docker", ["port", name, "6379/tcp"])).stdout.trim().split("\n")[0]!.split(":").pop();
      const wrong = await probeError(`redis://:wrong-password@127.0.0.1:${port}`);
      expect(isPermanentProbeError(wrong)).toBe(true);
      expect((wrong as Error).message).toMatch(/^resource 'cache' rejected the credentials of its connection string \(WRONGPASS/);
      const none = await probeError(`redis://127.0.0.1:${port}`);
      expect(isPermanentProbeError(none)).toBe(true);
      expect((none as Error).message).toContain("(NOAUTH");
      expect(await probeError(`redis://:right-password@127.0.0.1:${port}`)).toBeUndefined();
    } finally {
      await run("docker", ["rm", "-f", "-v", name]);
    }
  });
});
