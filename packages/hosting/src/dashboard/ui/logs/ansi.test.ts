import { describe, expect, it } from "vitest";
import { parseAnsi, stripAnsi } from "./ansi.js";

describe("ANSI colours in console lines", () => {
  it("splits a line into styled segments and resets at 0", () => {
    expect(parseAnsi("\u001b[31merror\u001b[0m ok")).toEqual([{ text: "error", fg: 1 }, { text: " ok" }]);
    expect(parseAnsi("\u001b[1;92mready\u001b[22m done")).toEqual([
      { text: "ready", bold: true, fg: 10 },
      { text: " done", fg: 10 },
    ]);
  });

  it("reads 256-colour and true-colour codes as CSS colours", () => {
    expect(parseAnsi("\u001b[38;5;196mred\u001b[48;2;1;2;3mon")).toEqual([
      { text: "red", fg: "rgb(255, 0, 0)" },
      { text: "on", fg: "rgb(255, 0, 0)", bg: "rgb(1, 2, 3)" },
    ]);
  });

  it("drops cursor and title sequences without showing them", () => {
    expect(parseAnsi("\u001b[2K\u001b]0;title\u0007text")).toEqual([{ text: "text" }]);
    expect(stripAnsi("\u001b[33mwarn\u001b[39m: disk")).toBe("warn: disk");
  });
});
