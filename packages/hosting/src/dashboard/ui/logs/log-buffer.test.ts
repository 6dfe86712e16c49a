import { describe, expect, it } from "vitest";
import type { LogLine } from "../../protocol.js";
import { LogBuffer, type LogChange } from "./log-buffer.js";
import { LogViewModel } from "./log-view-model.js";

let seq = 0;
const line = (resource: string, text = `line ${seq + 1}`): LogLine => ({ seq: ++seq, resource, line: seq, stream: "stdout", text, time: 0 });

describe("the page's log buffer", () => {
  it("keeps at most the retention per resource and the newest lines", () => {
    const buffer = new LogBuffer(3);
    const lines = [line("api"), line("cache"), line("api"), line("api"), line("api"), line("api")];
    buffer.add(lines);
    expect(buffer.lines("api").map((l) => l.seq)).toEqual([4, 5, 6]);
    expect(buffer.lines("cache").map((l) => l.seq)).toEqual([2]);
    expect(buffer.lines().map((l) => l.seq)).toEqual([2, 4, 5, 6]);
  });

  it("skips lines a reconnect replays", () => {
    const buffer = new LogBuffer(10);
    const [a, b, c] = [line("api"), line("api"), line("api")];
    const changes: LogChange[] = [];
    buffer.subscribe((change) => changes.push(change));
    buffer.add([a!, b!]);
    buffer.add([{ ...a! }, { ...b! }, c!]);
    expect(buffer.lines("api").map((l) => l.seq)).toEqual([a!.seq, b!.seq, c!.seq]);
    expect(changes.map((change) => change.added.length)).toEqual([2, 1]);
    expect(buffer.lastSeq).toBe(c!.seq);
  });

  it("gives a view the lines of its resource that match the filter, after its clear point", () => {
    const buffer = new LogBuffer(100);
    buffer.add([line("api", "GET /health 200"), line("cache", "Ready to accept"), line("api", "\u001b[31mGET /orders 500\u001b[0m")]);
    const view = new LogViewModel(buffer, { resource: "api", filter: "get /ORDERS", clearedThrough: 0 });
    expect(view.rows.map((l) => l.plain)).toEqual(["GET /orders 500"]);
    view.setQuery({ filter: "", clearedThrough: buffer.lastSeq });
    buffer.subscribe((change) => view.apply(change));
    buffer.add([line("cache", "after clear")]);
    expect(view.rows.map((l) => l.plain)).toEqual(["after clear"]);
  });
});
