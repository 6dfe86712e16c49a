import { describe, expect, it } from "vitest";
import { endedLauncher, launchersOf, readProcess, type ReadProcess } from "./launcher-watch.js";

/** `bash → npm exec → sh -c → tsx's node → AppHost`, as `npx tsx apphost/index.ts` from a terminal. */
function processTable(): Map<number, { parentPid: number; name: string }> {
  return new Map([
    [100, { parentPid: 1, name: "bash" }],
    [200, { parentPid: 100, name: "npm exec tsx ap" }],
    [300, { parentPid: 200, name: "sh" }],
    [400, { parentPid: 300, name: "node" }],
  ]);
}
const reader = (table: Map<number, { parentPid: number; name: string }>): ReadProcess => (pid) => table.get(pid);

describe("launcher watch", () => {
  it("finds npm, its shell and tsx's node above the AppHost, and stops at the interactive shell", () => {
    expect(launchersOf(400, reader(processTable())).map((l) => l.name)).toEqual(["node", "sh", "npm exec tsx ap"]);
  });

  it("sees nothing ended while the chain stands", () => {
    const table = processTable();
    const launchers = launchersOf(400, reader(table));
    expect(endedLauncher(launchers, 400, 400, reader(table))).toBeUndefined();
  });

  it("names npm when npm exits on SIGTERM without passing it on and tsx is handed to init", () => {
    const table = processTable();
    const launchers = launchersOf(400, reader(table));
    table.delete(200);
    table.delete(300);
    table.set(400, { parentPid: 1, name: "node" });
    expect(endedLauncher(launchers, 400, 400, reader(table))).toMatchObject({ pid: 200, name: "npm exec tsx ap" });
  });

  it("notices its own parent ending when nothing above is a launcher", () => {
    expect(endedLauncher([], 100, 1, reader(new Map()))).toMatchObject({ pid: 100 });
  });

  it("reads this process's own parent from /proc", () => {
    expect(readProcess(process.pid)?.parentPid).toBe(process.ppid);
    expect(readProcess(0x7ffffff0)).toBeUndefined();
  });
});
