import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isProcessAlive } from "./session-owner.js";

describe("isProcessAlive", () => {
  it("counts a running process as alive and a zombie its parent never collected as gone", async () => {
    // `true` ends at once; `sleep`, which replaced the shell, never collects it: a zombie.
    const parent = spawn("sh", ["-c", "true & echo $!; exec sleep 30"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const zombie = Number(await new Promise<string>((resolve) => parent.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString()))));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(isProcessAlive(parent.pid!)).toBe(true);
      expect(isProcessAlive(zombie)).toBe(false);
    } finally {
      parent.kill("SIGKILL");
    }
  });
});
