import { existsSync } from "node:fs";
import { findExecutable } from "./find-executable.js";
import { runCommand } from "./run-command.js";

/**
 * Returns the path of `docker-compose` (the published Compose files are checked with it and run
 * by the end-to-end tests). When it is missing and this is root on Debian, installs Debian's
 * `docker-compose` package (1.29); elsewhere throws saying what to install.
 */
export async function ensureCompose(log: (line: string) => void = console.log): Promise<string> {
  const existing = findExecutable("docker-compose");
  if (existing) return existing;
  const canInstall = process.platform === "linux" && process.getuid?.() === 0 && existsSync("/etc/debian_version");
  if (!canInstall) throw new Error("docker-compose is not installed; install it (Debian: apt-get install docker-compose) for the docker tests of publish");
  log("compose: docker-compose is not installed; installing Debian's docker-compose");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => runCommand("apt-get", ["install", "-y", "-q", "docker-compose"], { env });
  // A fresh machine may have empty package lists.
  if ((await install()) !== 0 && ((await runCommand("apt-get", ["update", "-q"], { env })) !== 0 || (await install()) !== 0)) {
    throw new Error("installing docker-compose with apt-get failed (see above); install it yourself");
  }
  const installed = findExecutable("docker-compose");
  if (!installed) throw new Error("apt-get installed docker-compose but no docker-compose executable was found");
  log(`compose: installed ${installed}`);
  return installed;
}
