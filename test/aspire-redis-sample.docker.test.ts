import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSample, sampleEnvironment, stopSample, waitForHealthy } from "./support/aspire-sample.js";

// Aspire's Redis validation AppHost (test/fixtures/aspire/Aspire.Hosting.Redis, see its NOTICE),
// unchanged but for its import line. Redis Commander's and Redis Insight's images cannot be pulled
// here: a stand-in that only sleeps takes their place through the image map, so the containers
// bosun creates for them are checked by their configuration; the two Redis servers run for real.
// It fixes host ports 6379, 6380, 8081 and 5540, so it runs on Docker only (test/docker-only-tests.ts).

const run = promisify(execFile);
const STAND_IN = "bosun-test/aspire-companion-stand-in:latest";
const cleanups: (() => Promise<unknown>)[] = [];

/** The offline image map plus the stand-in for both web UIs. */
function imageMap(folder: string, given: string | undefined): string {
  const offline = given === undefined ? {} : (JSON.parse(given.trimStart().startsWith("{") ? given : readFileSync(given, "utf8")) as Record<string, string>);
  const file = path.join(folder, "image-map.json");
  writeFileSync(file, JSON.stringify({ ...offline, "docker.io/rediscommander/redis-commander": STAND_IN, "docker.io/redis/redisinsight": STAND_IN }));
  return file;
}

interface Inspected {
  readonly Config: { readonly Env: string[]; readonly Image: string };
  readonly Mounts: { readonly Type: string; readonly Source: string; readonly Destination: string; readonly Name?: string }[];
  readonly HostConfig: { readonly PortBindings: Record<string, { HostPort: string }[] | null> };
}

async function inspect(containerName: string): Promise<Inspected & { env: Record<string, string> }> {
  const [container] = JSON.parse((await run("docker", ["inspect", containerName])).stdout) as Inspected[];
  const env = Object.fromEntries(container!.Config.Env.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
  return { ...container!, env };
}

/** The Redis container bosun started for this run: the one of the resource publishing the sample's host port. */
async function serverContainer(resource: string, hostPort: number): Promise<string> {
  const { stdout } = await run("docker", ["ps", "-q", "--filter", `label=bosun.resource=${resource}`, "--filter", `publish=${hostPort}`]);
  return stdout.trim();
}

async function redisAnswers(container: string, password: string): Promise<string> {
  return (await run("docker", ["exec", "-e", `REDISCLI_AUTH=${password}`, container, "redis-cli", "ping"])).stdout.trim();
}

beforeAll(async () => {
  const build = run("docker", ["build", "-q", "-t", STAND_IN, "-"]);
  // SIGKILL: `sleep` as process 1 ignores SIGTERM, and stopping would wait out the grace period.
  build.child.stdin!.end('FROM bosun-offline/base:bookworm\nSTOPSIGNAL SIGKILL\nCMD ["sleep", "infinity"]\n');
  await build;
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await run("docker", ["image", "rm", STAND_IN]).catch(() => {});
}, 120_000);

describe("playground/polyglot/TypeScript/Aspire.Hosting.Redis/ValidationAppHost", () => {
  it("runs both servers with their passwords, Redis Commander and Redis Insight configured for the first", { timeout: 240_000 }, async () => {
    const env = sampleEnvironment();
    const folder = path.dirname(env.BOSUN_SECRETS_DIR!);
    env.BOSUN_IMAGE_MAP = imageMap(folder, env.BOSUN_IMAGE_MAP);
    env["Parameters__redis-password"] = "first-Secret-1";
    env["Parameters__new-redis-password"] = "second-Secret-2";
    // The sample's bind mounts: the engine mounts host folders that exist, as a user creates them.
    for (const source of ["/tmp/redis-data", "/tmp/insight-data"]) mkdirSync(source, { recursive: true });
    const sample = runSample("Aspire.Hosting.Redis", ["run", "--no-dashboard"], env);
    cleanups.push(async () => {
      await stopSample(sample);
      await runSample("Aspire.Hosting.Redis", ["down", "--volumes"], env).exited;
    });
    await waitForHealthy(sample, 4, 200_000);
    expect(sample.url("cache", "tcp")).toBe("tcp://localhost:6379");
    expect(sample.url("cache2", "tcp")).toBe("tcp://localhost:6380");
    expect(sample.url("cache-commander")).toBe("http://localhost:8081");
    expect(sample.url("cache-insight")).toBe("http://localhost:5540");

    const cacheContainer = await serverContainer("cache", 6379);
    const cache = await inspect(cacheContainer);
    expect(await redisAnswers(cacheContainer, "first-Secret-1")).toBe("PONG");
    expect(cache.Mounts.map(({ Type, Name, Destination }) => ({ Type, Name, Destination }))).toEqual([{ Type: "volume", Name: "redis-data", Destination: "/data" }]);
    const cache2 = await serverContainer("cache2", 6380);
    expect(await redisAnswers(cache2, "second-Secret-2")).toBe("PONG");
    expect((await inspect(cache2)).Mounts.map(({ Type, Source, Destination }) => ({ Type, Source, Destination }))).toEqual([{ Type: "bind", Source: "/tmp/redis-data", Destination: "/data" }]);

    const commander = await inspect("my-commander");
    expect(commander.Config.Image).toBe(STAND_IN);
    expect(commander.env["REDIS_HOSTS"]).toBe("cache:cache:6379:0:first-Secret-1");
    expect(commander.HostConfig.PortBindings["8081/tcp"]?.[0]?.HostPort).toBe("8081");
    const insight = await inspect("my-insight");
    expect(insight.Config.Image).toBe(STAND_IN);
    expect(insight.env).toMatchObject({ RI_REDIS_HOST: "cache", RI_REDIS_PORT: "6379", RI_REDIS_ALIAS: "cache", RI_REDIS_PASSWORD: "first-Secret-1" });
    expect(insight.HostConfig.PortBindings["5540/tcp"]?.[0]?.HostPort).toBe("5540");
    // withDataVolume then withDataBindMount on the same folder: the later mount replaces the earlier.
    expect(insight.Mounts.map(({ Type, Source, Destination }) => ({ Type, Source, Destination }))).toEqual([{ Type: "bind", Source: "/tmp/insight-data", Destination: "/data" }]);
    expect(await stopSample(sample)).toBe(0);
  });
});
