import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toYamlText } from "./yaml-text.js";

const TRICKY = ["yes", "No", "on", "~", "null", "080", "1:20", "0x1F", "1e3", ".inf", "2001-12-14", "-e", "--flag", "- x", "a: b", "x #y", "end:", "$5", "", " lead", "trail ", "=", "<<", "{a}", "[1]", "*ref", "!tag", "%x", "@x", "`x`", 'say "hi"', "it's", 'both \' and "', "line\nbreak", "tab\there", "\u2028", "ünïcode", "127.0.0.1:5433:5432", "5432"];

describe("toYamlText", () => {
  it.each(["1.1", "1.2"] as const)("writes strings a YAML %s reader reads back unchanged", (version) => {
    // Keys are service, volume and variable names, which build() checks; '<<' (a merge key) is not one.
    const keys = TRICKY.filter((s) => s !== "<<");
    const text = toYamlText(["header"], { values: TRICKY, map: Object.fromEntries(keys.map((s, i) => [s || `empty${i}`, s])) });
    const read = parse(text, { version }) as { values: string[]; map: Record<string, string> };
    expect(read.values).toEqual(TRICKY);
    expect(keys.map((s, i) => read.map[s || `empty${i}`])).toEqual(keys);
  });

  it("quotes keys a YAML 1.1 reader would take for booleans", () => {
    expect(toYamlText([], { y: "n", on: "off" })).toBe('"y": "n"\n"on": "off"\n');
  });

  it("writes block style with the header as comments, numbers and booleans as such, empty collections inline", () => {
    const text = toYamlText(["Generated.", "Second line."], { a: { list: [{ x: 1, z: ["p", "q"] }, "s"], none: [], empty: {}, count: 5, t: true, skip: undefined } });
    expect(text).toBe(
      ["# Generated.", "# Second line.", "a:", "  list:", "    - x: 1", "      z:", "        - p", "        - q", "    - s", "  none: []", "  empty: {}", "  count: 5", "  t: true", ""].join("\n"),
    );
  });
});
