import { describe, expect, it } from "vitest";
import { Redactor } from "../errors/redactor.js";
import { LogStore } from "./log-store.js";
import type { LogLine } from "./protocol.js";

const texts = (lines: readonly LogLine[]) => lines.map((l) => `${l.resource}:${l.text}`);

describe("LogStore", () => {
  it("numbers lines with one global seq and a line number per resource", () => {
    const store = new LogStore({ now: () => 42 });
    store.append("api", "stdout", "a1");
    store.append("db", "stderr", "d1");
    const third = store.append("api", "stdout", "a2");

    expect(third).toEqual({ seq: 3, resource: "api", line: 2, stream: "stdout", text: "a2", time: 42 });
    expect(store.cursor).toBe(3);
    expect(store.stderrCount("db")).toBe(1);
    expect(store.stderrCount("api")).toBe(0);
  });

  it("keeps only the newest lines of each resource, without touching the others'", () => {
    const store = new LogStore({ retention: 3 });
    for (let i = 1; i <= 5; i++) store.append("api", "stdout", `a${i}`);
    store.append("db", "stdout", "d1");

    expect(texts(store.since(0))).toEqual(["api:a3", "api:a4", "api:a5", "db:d1"]);
    expect(store.since(0).map((l) => l.line)).toEqual([3, 4, 5, 1]);
  });

  it("replays what came after a seq, interleaved in seq order, once each", () => {
    const store = new LogStore();
    for (let i = 1; i <= 4; i++) {
      store.append("api", "stdout", `a${i}`);
      store.append("db", "stdout", `d${i}`);
    }
    const seen = store.since(0, 3);
    const rest = store.since(seen.at(-1)!.seq);

    expect(texts(seen)).toEqual(["api:a1", "db:d1", "api:a2"]);
    expect(texts(rest)).toEqual(["db:d2", "api:a3", "db:d3", "api:a4", "db:d4"]);
    expect(store.since(store.cursor)).toEqual([]);
  });

  it("resumes past dropped lines from the oldest one retained", () => {
    const store = new LogStore({ retention: 2 });
    for (let i = 1; i <= 6; i++) store.append("api", "stdout", `a${i}`);

    expect(texts(store.since(1))).toEqual(["api:a5", "api:a6"]);
  });

  it("pages back through one resource or all of them, oldest first", () => {
    const store = new LogStore();
    for (let i = 1; i <= 5; i++) {
      store.append("api", "stdout", `a${i}`);
      store.append("db", "stdout", `d${i}`);
    }

    expect(texts(store.page({ limit: 3 }))).toEqual(["db:d4", "api:a5", "db:d5"]);
    expect(texts(store.page({ resource: "api", before: 7, limit: 2 }))).toEqual(["api:a2", "api:a3"]);
    expect(texts(store.page({ resource: "api", before: 1, limit: 2 }))).toEqual([]);
    expect(store.page({ resource: "nobody", limit: 2 })).toEqual([]);
  });

  it("redacts secrets with the terminal's redactor before keeping a line", () => {
    const redactor = new Redactor();
    redactor.add(["hunter22"]);
    const store = new LogStore({ redact: (text) => redactor.redact(text) });
    const heard: string[] = [];
    store.subscribe((line) => heard.push(line.text));

    store.append("api", "stdout", "password=hunter22");

    expect(store.since(0)[0]?.text).toBe("password=***");
    expect(heard).toEqual(["password=***"]);
  });

  it("refuses a retention that is not a positive whole number", () => {
    expect(() => new LogStore({ retention: 0 })).toThrow(/above 0, not 0/);
  });
});
