import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeAppHost } from "../../model/app-host-info.js";
import { containerFilesDirectory, removeSessionFiles, writeContainerFiles } from "./container-files.js";

const root = mkdtempSync(path.join(os.tmpdir(), "bosun-container-files-"));
const session = { appHost: describeAppHost("/tmp/shop/apphost"), id: "s1a2b3", pid: process.pid };

describe("generated container files", () => {
  it("are written under the session's folder (0700), readable by any container user (0644), and mounted read-only at their targets", async () => {
    const directory = containerFilesDirectory(session, "session", root);
    const mounts = await writeContainerFiles(directory, "pgadmin", [
      { target: "/pgadmin4/servers.json", content: '{"Servers":{}}' },
      { target: "/other/servers.json", content: "second" },
    ]);
    expect(directory).toBe(path.join(root, "s1a2b3"));
    expect(mounts.map((m) => [m.type, m.target, m.readOnly])).toEqual([
      ["bind", "/pgadmin4/servers.json", true],
      ["bind", "/other/servers.json", true],
    ]);
    expect(new Set(mounts.map((m) => m.source)).size).toBe(2);
    expect(mounts.map((m) => readFileSync(m.source, "utf8"))).toEqual(['{"Servers":{}}', "second"]);
    expect(statSync(mounts[0]!.source).mode & 0o777).toBe(0o644);
    expect(statSync(path.join(directory, "pgadmin")).mode & 0o777).toBe(0o700);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
  });

  it("of a persistent container stay at the same paths from one session to the next", () => {
    const next = { ...session, id: "other1" };
    expect(containerFilesDirectory(next, "persistent", root)).toBe(containerFilesDirectory(session, "persistent", root));
    expect(containerFilesDirectory(next, "session", root)).not.toBe(containerFilesDirectory(session, "session", root));
  });

  it("are removed with their session", async () => {
    const directory = containerFilesDirectory(session, "session", root);
    const [mount] = await writeContainerFiles(directory, "pgadmin", [{ target: "/pgpass", content: "secret" }]);
    await removeSessionFiles(session, root);
    expect(() => statSync(mount!.source)).toThrow();
  });

  it("mount nothing for a container without generated files", async () => {
    expect(await writeContainerFiles(containerFilesDirectory(session, "session", root), "postgres", [])).toEqual([]);
  });
});
