import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { connectEngine } from "@bosun/hosting/runtime";
import { createBuilder } from "bosun";

function newBuilder() {
  const appHostDirectory = mkdtempSync(path.join(os.tmpdir(), "bosun-jobs-"));
  process.env.BOSUN_SECRETS_DIR = path.join(appHostDirectory, "secrets");
  return createBuilder({ appHostDirectory, appName: "jobs-test" });
}

describe("waitForCompletion against real jobs", () => {
  it("starts a dependent once a container job exits 0, and only then", async () => {
    const builder = newBuilder();
    // The redis stand-in's entrypoint runs any command it is given, like the official image.
    const migrate = builder.addContainer("migrate", "redis:8.6").withArgs("sh", "-c", "sleep 1; echo migrated; exit 0");
    builder.addExecutable("api", process.execPath, ".", ["-e", "setInterval(() => {}, 1000)"]).waitForCompletion(migrate);

    await using app = await builder.build().start();
    await app.settled;

    expect(app.resource("migrate")).toMatchObject({ state: "Finished", exitCode: 0 });
    expect(app.resource("api")).toMatchObject({ state: "Running", health: "Healthy" });
    expect(app.resource("api").startingAt).toBeGreaterThanOrEqual(app.resource("migrate").startingAt! + 1000);
    await app.stop();
    const engine = await connectEngine();
    expect(await engine.containers.list({ labels: { "bosun.session": app.session.id }, all: true })).toEqual([]);
    expect(app.resource("migrate").state).toBe("Finished");
  });

  it("fails the dependent, naming the exit code, when a process job exits 1", async () => {
    const builder = newBuilder();
    const seed = builder.addExecutable("seed", process.execPath, ".", ["-e", "console.error('no seed file'); process.exit(1)"]);
    builder.addExecutable("api", process.execPath, ".", ["-e", "setInterval(() => {}, 1000)"]).waitForCompletion(seed);
    const lines: string[] = [];

    await using app = await builder.build().start({ onLog: (resource, _stream, line) => lines.push(`${resource}: ${line}`) });
    await app.settled;

    expect(app.resource("seed")).toMatchObject({ state: "Exited", exitCode: 1, reason: "exited with code 1" });
    expect(app.resource("api")).toMatchObject({ state: "FailedToStart", reason: "dependency 'seed' exited with code 1 (expected 0)" });
    expect(lines).toContain("seed: no seed file");
  });

  it("honours an expected exit code other than 0", async () => {
    const builder = newBuilder();
    const check = builder.addExecutable("check", process.execPath, ".", ["-e", "process.exit(3)"]);
    builder.addExecutable("api", process.execPath, ".", ["-e", "setInterval(() => {}, 1000)"]).waitForCompletion(check, 3);

    await using app = await builder.build().start();
    await app.settled;

    expect(app.resource("api")).toMatchObject({ state: "Running", health: "Healthy" });
  });
});
