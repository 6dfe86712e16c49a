import { createServer, request, type IncomingMessage, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { LogStore } from "../log-store.js";
import type { LogLine, Snapshot } from "../protocol.js";
import { EventStream } from "./event-stream.js";

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

const TEXT = "x".repeat(150);

/** A real HTTP server whose one request becomes an EventStream; the client side is returned paused. */
async function connect(store: LogStore, since?: number): Promise<{ stream: EventStream; client: IncomingMessage }> {
  let stream: EventStream | undefined;
  const server = createServer((_, response) => {
    const snapshot: Snapshot = { protocol: 1, app: { name: "t", startedAt: 0 }, resources: [], logCursor: store.cursor, retention: store.retention };
    stream = new EventStream(response, store, snapshot, since, () => {});
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const client = await new Promise<IncomingMessage>((resolve) => request({ host: "127.0.0.1", port, path: "/" }, resolve).end());
  client.pause();
  return { stream: stream!, client };
}

function readLines(client: IncomingMessage, until: number): Promise<LogLine[]> {
  return new Promise((resolve) => {
    const lines: LogLine[] = [];
    let buffer = "";
    client.setEncoding("utf8");
    client.on("data", (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.includes("event: logs")) lines.push(...(JSON.parse(block.slice(block.indexOf("data: ") + 6)) as LogLine[]));
      }
      if (lines.at(-1)?.seq === until) resolve(lines);
    });
    client.resume();
  });
}

describe("EventStream", () => {
  it("holds at most about a megabyte for a page that does not read, and then sends every line once", async () => {
    const store = new LogStore({ retention: 100_000 });
    const { stream, client } = await connect(store);
    let most = 0;
    for (let i = 0; i < 100_000; i++) {
      store.append(`r${i % 5}`, "stdout", TEXT);
      if (i % 1_000 === 999) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        most = Math.max(most, stream.response.writableLength);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    most = Math.max(most, stream.response.writableLength);

    expect(most).toBeLessThan(2 * 1024 * 1024);
    const lines = await readLines(client, 100_000);
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 100_000 }, (_, i) => i + 1));
  });

  it("replays from a resume cursor, and from the oldest kept line for a cursor of an earlier run", async () => {
    const store = new LogStore({ retention: 10 });
    for (let i = 0; i < 30; i++) store.append("r", "stdout", `line ${i}`);

    const resumed = await connect(store, 25);
    expect((await readLines(resumed.client, 30)).map((l) => l.seq)).toEqual([26, 27, 28, 29, 30]);
    const earlierRun = await connect(store, 5_000);
    expect((await readLines(earlierRun.client, 30)).map((l) => l.seq)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
  });
});
