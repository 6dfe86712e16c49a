import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connectEngine } from "@bosun/hosting/runtime";
import { createBuilder } from "bosun";

const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-stale-"));
const volume = `bosun-stale-test-${path.basename(folder).toLowerCase()}`;

function defineApp(secretsDirectory: string) {
  const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName: "stale-volume-test" });
  builder.addPostgres("postgres").withDataVolume(volume);
  builder.addRedis("cache").withDataVolume(`${volume}-cache`);
  return { app: builder.build(), env: { ...process.env, BOSUN_SECRETS_DIR: secretsDirectory } };
}

async function progressOfOneRun(secretsDirectory: string): Promise<string[]> {
  const { app, env } = defineApp(secretsDirectory);
  const progress: string[] = [];
  await using running = await app.start({ env, onProgress: (message) => progress.push(message) });
  await running.settled;
  return progress;
}

describe("a data volume older than its generated password", () => {
  afterAll(async () => {
    await defineApp(path.join(folder, "secrets")).app.run(["down", "--volumes"]);
    const engine = await connectEngine();
    await engine.volumes.remove(volume).catch(() => {});
  });

  it("is announced, naming the volume, the parameter and the way back; and not once the password is kept", async () => {
    const engine = await connectEngine();
    await engine.volumes.create({ name: volume, labels: {} });

    const first = await progressOfOneRun(path.join(folder, "secrets"));
    const warnings = first.filter((m) => m.includes("already holds data"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`resource 'postgres': volume '${volume}' already holds data, but 'postgres-password' was generated just now`);
    expect(warnings[0]).toContain("Parameters__postgres-password");

    const second = await progressOfOneRun(path.join(folder, "secrets"));
    expect(second.filter((m) => m.includes("already holds data"))).toEqual([]);
  });
});
