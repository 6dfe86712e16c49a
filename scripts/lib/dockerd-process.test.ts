import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { liveDockerdPid, removeStalePidFile } from "./dockerd-process.js";

const pidFileWith = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "bosun-pid-")), "docker.pid");
  writeFileSync(path, content);
  return path;
};

describe("removeStalePidFile", () => {
  it("removes a pid file whose process is alive but is not dockerd", () => {
    const pidFile = pidFileWith(String(process.pid));
    expect(liveDockerdPid(pidFile)).toBeUndefined();
    expect(removeStalePidFile(pidFile)).toBe(true);
    expect(existsSync(pidFile)).toBe(false);
  });

  it("removes a pid file whose process is gone", () => {
    const pidFile = pidFileWith("2147483646");
    expect(removeStalePidFile(pidFile)).toBe(true);
  });

  it("does nothing without a pid file", () => {
    expect(removeStalePidFile(join(tmpdir(), "bosun-no-such-dir", "docker.pid"))).toBe(false);
  });
});
