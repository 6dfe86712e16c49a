import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { restartCommand } from "../cli/restart-command.js";
import { fakeOrchestrator, stopAfterEach, within } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";
import { controlSocketPath, sendControl, serveControl } from "./control-socket.js";

const { track } = stopAfterEach();
const closing: Array<{ close(): void }> = [];
afterEach(() => closing.splice(0).forEach((c) => c.close()));

async function served() {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "bosun-control-"));
  process.env.BOSUN_STATE_DIR = stateDir;
  const fake = new FakeRuntime({ target: "host" });
  const builder = createBuilder({ appHostDirectory: path.join(stateDir, "apphost"), appName: "control-test" });
  const api = builder.addExecutable("api", "api", ".");
  builder.addExecutable("web", "web", ".").waitFor(api);
  const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
  await within(orchestrator.start(), 2_000, "start()");
  const app = { restartResource: (name: string, why?: string) => orchestrator.restartResource(name, why), resource: (name: string) => orchestrator.states.get(name) };
  const socketPath = controlSocketPath(builder.appHost);
  const control = await serveControl(socketPath, app);
  if (control) closing.push(control);
  return { builder, fake, orchestrator, socketPath, control, app };
}

describe("the control socket", () => {
  it("restarts the named resource for `restart <name>` from another process and prints its new state", async () => {
    const { builder, fake, socketPath } = await served();
    const printed: string[] = [];

    await restartCommand(builder.build(), "api", (line) => printed.push(line));

    expect(printed).toEqual([expect.stringMatching(/^api: Running\/Healthy after \d+\.\d s \(restart 1\)$/)]);
    expect(fake.describe().filter((e) => e.startsWith("started"))).toEqual(["started:api", "started:web", "started:api"]);
    expect(await sendControl(socketPath, { restart: "nope" })).toEqual({ ok: false, error: expect.stringContaining("no resource named 'nope'") });
  });

  it("says what to do when no run is listening, or the name is not a process or container", async () => {
    const { builder, control, app, socketPath } = await served();
    await expect(restartCommand(builder.build(), "api-typo")).rejects.toThrow("restart: 'api-typo' is not a process or container of this AppHost; pass one of api, web");
    control!.close();
    await expect(restartCommand(builder.build(), "api")).rejects.toThrow("restart: no running 'control-test' AppHost found; start it with 'run' in another terminal first");

    const again = await serveControl(socketPath, app);
    closing.push(again!);
    expect(await serveControl(socketPath, app)).toBeUndefined();
  });
});
