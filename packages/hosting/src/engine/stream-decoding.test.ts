import { describe, expect, it } from "vitest";
import { MultiplexedStreamDecoder } from "./multiplexed-stream.js";
import { LineSplitter } from "./output-lines.js";

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text, "utf8");
  const header = Buffer.alloc(8);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe("MultiplexedStreamDecoder", () => {
  it("separates stdout and stderr frames, even when split across chunks", () => {
    const seen: string[] = [];
    const decoder = new MultiplexedStreamDecoder((stream, payload) => seen.push(`${stream}:${payload.toString()}`));
    const bytes = Buffer.concat([frame(1, "hello\n"), frame(2, "oops\n"), frame(1, "bye")]);
    for (const cut of [3, 11, 20]) {
      decoder.push(bytes.subarray(0, cut));
      decoder.push(bytes.subarray(cut));
    }
    expect(seen).toEqual(Array(3).fill(["stdout:hello\n", "stderr:oops\n", "stdout:bye"]).flat());
    expect(decoder.pendingBytes).toBe(0);
  });
});

describe("LineSplitter", () => {
  it("emits complete lines, keeps a partial one until flushed, and joins split characters", () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    const euro = Buffer.from("€");
    splitter.push(Buffer.from("first\r\nsec"));
    splitter.push(Buffer.concat([Buffer.from("ond "), euro.subarray(0, 1)]));
    splitter.push(Buffer.concat([euro.subarray(1), Buffer.from("\nlast")]));
    expect(lines).toEqual(["first", "second €"]);
    splitter.flush();
    expect(lines).toEqual(["first", "second €", "last"]);
  });
});
