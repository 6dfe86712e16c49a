import { spawn } from "node:child_process";
import type { EngineClient } from "@bosun/hosting/runtime";

/**
 * Copies images from the Docker engine into Podman's own store (`docker save … | podman load`),
 * skipping those Podman already has under the same id. Returns the names it copied.
 */
export async function copyImagesToPodman(options: {
  readonly docker: EngineClient;
  readonly podman: EngineClient;
  readonly images: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: (line: string) => void;
}): Promise<string[]> {
  const log = options.log ?? console.log;
  const missing: string[] = [];
  for (const image of options.images) {
    const [inDocker, inPodman] = await Promise.all([options.docker.images.inspect(image), options.podman.images.inspect(image)]);
    if (inDocker === undefined) throw new Error(`image '${image}' is not on the Docker engine, so it cannot be copied to Podman; build it first (npm run images:offline)`);
    if (inPodman?.id !== inDocker.id) missing.push(image);
  }
  if (missing.length === 0) return [];
  log(`podman: copying ${missing.join(", ")} from Docker (docker save | podman load)`);
  await pipe(["docker", ["save", ...missing]], ["podman", ["load", "--quiet"]], options.env ?? process.env);
  return missing;
}

function pipe(from: [string, string[]], to: [string, string[]], env: NodeJS.ProcessEnv): Promise<void> {
  const source = spawn(from[0], from[1], { env, stdio: ["ignore", "pipe", "inherit"] });
  const sink = spawn(to[0], to[1], { env, stdio: ["pipe", "ignore", "inherit"] });
  source.stdout.pipe(sink.stdin);
  const exitOf = (child: ReturnType<typeof spawn>) =>
    new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => resolve(code));
    });
  return Promise.all([exitOf(source), exitOf(sink)]).then(([sourceCode, sinkCode]) => {
    if (sourceCode !== 0 || sinkCode !== 0) {
      throw new Error(`'${from.flat().join(" ")} | ${to.flat().join(" ")}' failed (exit codes ${sourceCode} and ${sinkCode})`);
    }
  });
}
