import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AppHostInfo } from "../model/app-host-info.js";

/** Where an AppHost's generated secrets live: outside the repo, readable by the user only. */
export function secretsFilePath(appHost: AppHostInfo, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.BOSUN_SECRETS_DIR ?? path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), ".config"), "bosun", "secrets");
  return path.join(base, `${appHost.name}-${appHost.id}.json`);
}

/**
 * Reads the secrets file; a missing file is an empty one. As it is read, an existing file is made
 * 0600 and its folder 0700, should anyone have widened them.
 */
export async function readSecrets(file: string): Promise<Record<string, string>> {
  try {
    const text = await readFile(file, "utf8");
    await chmod(path.dirname(file), 0o700);
    await chmod(file, 0o600);
    return JSON.parse(text) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
}

/**
 * Writes atomically with mode 0600 in a 0700 folder. The folder is made 0700 even when it already
 * existed with a wider mode (mkdir's mode applies only to folders it creates).
 */
export async function writeSecrets(file: string, secrets: Record<string, string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await chmod(path.dirname(file), 0o700);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}
