import { describe, expect, it } from "vitest";
import { RowLayout } from "./row-layout.js";

describe("the virtualized console's row layout", () => {
  it("gives the rows overlapping the visible lines plus the overscan", () => {
    const layout = new RowLayout(false, 80);
    layout.reset(Array.from({ length: 10_000 }, () => 20));
    expect(layout.totalLines).toBe(10_000);
    expect(layout.window(5_000, 40, 10)).toEqual({ start: 4_990, end: 5_051 });
    expect(layout.window(9_990, 40, 10)).toEqual({ start: 9_980, end: 10_000 });
  });

  it("makes a wrapped row as tall as its text needs at the current width", () => {
    const layout = new RowLayout(true, 10);
    layout.reset([5, 25, 10]);
    expect([layout.offsetOf(1), layout.offsetOf(2), layout.totalLines]).toEqual([1, 4, 5]);
    expect(layout.window(2, 1, 0)).toEqual({ start: 1, end: 2 });
    layout.append([11]);
    expect(layout.totalLines).toBe(7);
  });
});
