import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExecutableResource } from "../../model/executable-resource.js";
import type { SessionInfo } from "../resource-runtime.js";
import { ProcessRegistry } from "./process-registry.js";
import { createProcessRuntime } from "./process-runtime.js";

const session: SessionInfo = { appHost: { directory: os.tmpdir(), name: "process-runtime-test", id: "00000000" }, id: "prt00001", pid: process.pid };

/** A registry whose writes take a while, as on a loaded machine. */
class SlowRegistry extends ProcessRegistry {
  override async add(resource: string, pid: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await super.add(resource, pid);
  }
}

describe("the process runtime", () => {
  it("reports the exit of a process that ends while its start is still being recorded", async () => {
    const registry = new SlowRegistry(session, mkdtempSync(path.join(os.tmpdir(), "bosun-process-runtime-")));
    const runtime = createProcessRuntime({ session, registry });
    const job = new ExecutableResource("job", process.execPath, os.tmpdir());
    const lines: string[] = [];
    const started = await runtime.start({
      resource: job,
      env: {},
      args: ["-e", "console.log('done'); process.exit(3)"],
      endpoints: new Map(),
      onLog: (_stream, line) => lines.push(line),
      signal: new AbortController().signal,
    });
    const timedOut = new Promise<"never reported">((resolve) => setTimeout(() => resolve("never reported"), 10_000).unref());
    await expect(Promise.race([started.exited, timedOut])).resolves.toBe(3);
    // Its output was still in the pipe when it exited, and is read all the same.
    await expect.poll(() => lines).toEqual(["done"]);
  });
});
