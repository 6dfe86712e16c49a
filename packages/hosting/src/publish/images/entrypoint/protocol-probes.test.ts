import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { judgeAmqp, judgePostgres, judgeRedis, postgresStartup, probeOnce } from "./protocol-probes.js";
import type { WaitTarget } from "./wait-targets.js";

/** A real TCP server on 127.0.0.1 that answers every connection with `answer(request)`. */
const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
async function serve(answer: ((request: Buffer) => Buffer | undefined) | "silent"): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => {});
    if (answer === "silent") return;
    socket.once("data", (request) => {
      const reply = answer(request);
      if (reply) socket.write(reply);
      else socket.destroy();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const target = (probe: WaitTarget["probe"], text: string, kind: WaitTarget["kind"] = "healthy"): WaitTarget => ({ service: "dep", kind, probe, target: text });

function pgError(code: string, message: string): Buffer {
  const body = Buffer.from(`SFATAL\0C${code}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

describe("protocol probes against real sockets", () => {
  it("redis: PONG and NOAUTH are ready, LOADING is not", async () => {
    const pong = await serve((request) => (request.toString() === "PING\r\n" ? Buffer.from("+PONG\r\n") : undefined));
    await probeOnce(target("redis", `redis://:pw@127.0.0.1:${pong}`), 1_000);
    const noauth = await serve(() => Buffer.from("-NOAUTH Authentication required.\r\n"));
    await probeOnce(target("redis", `redis://127.0.0.1:${noauth}`), 1_000);
    const loading = await serve(() => Buffer.from("-LOADING Redis is loading the dataset in memory\r\n"));
    await expect(probeOnce(target("redis", `redis://127.0.0.1:${loading}`), 1_000)).rejects.toThrow("LOADING Redis is loading the dataset in memory");
  });

  it("postgres: an authentication request is ready, 'starting up' (57P03) is not", async () => {
    const ready = await serve((request) => {
      expect(request.subarray(8).toString()).toBe("user\0shop\0database\0orders\0\0");
      return Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 10]);
    });
    await probeOnce(target("postgres", `postgresql://shop:pw@127.0.0.1:${ready}/orders`), 1_000);
    const starting = await serve(() => pgError("57P03", "the database system is starting up"));
    await expect(probeOnce(target("postgres", `postgresql://shop:pw@127.0.0.1:${starting}/orders`), 1_000)).rejects.toThrow("the database system is starting up");
  });

  it("amqp: connection.start is ready; a closed connection is not", async () => {
    const start = Buffer.from([1, 0, 0, 0, 0, 0, 20, 0, 10, 0, 10, 0, 9]);
    const broker = await serve((request) => (request.toString("latin1") === "AMQP\0\0\x09\x01" ? start : undefined));
    await probeOnce(target("amqp", `amqp://guest:guest@127.0.0.1:${broker}`), 1_000);
    const closing = await serve(() => undefined);
    await expect(probeOnce(target("amqp", `amqp://127.0.0.1:${closing}`), 1_000)).rejects.toThrow("the connection was closed before an answer");
  });

  it("gives up on a server that accepts but never answers, after the attempt's timeout", async () => {
    const silent = await serve("silent");
    const started = Date.now();
    await expect(probeOnce(target("redis", `redis://127.0.0.1:${silent}`), 300)).rejects.toThrow("no answer within 300 ms");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a started wait needs only a TCP connect; a closed port is refused", async () => {
    const silent = await serve("silent");
    await probeOnce(target("postgres", `postgresql://u:p@127.0.0.1:${silent}/db`, "started"), 1_000);
    const closed = await serve("silent");
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(probeOnce(target("tcp", `127.0.0.1:${closed}`), 1_000)).rejects.toThrow("ECONNREFUSED");
  });

  it("http: 2xx is ready, 503 is not", async () => {
    const http = await serve((request) => {
      const ok = request.toString().startsWith("GET /health ");
      return Buffer.from(`HTTP/1.1 ${ok ? "200 OK" : "503 Service Unavailable"}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`);
    });
    await probeOnce(target("http", `http://127.0.0.1:${http}/health`), 1_000);
    await expect(probeOnce(target("http", `http://127.0.0.1:${http}/other`), 1_000)).rejects.toThrow("answered HTTP 503");
  });
});

describe("answer judges", () => {
  it("waits for the rest of a split answer", () => {
    expect(judgeRedis(Buffer.from("+PO"))).toBe("more");
    expect(judgeAmqp(Buffer.from([1, 0, 0]))).toBe("more");
    expect(judgePostgres(pgError("57P03", "starting").subarray(0, 8))).toBe("more");
  });

  it("counts a postgres error other than 'cannot connect now' as a server that accepts connections", () => {
    expect(judgePostgres(pgError("3D000", 'database "x" does not exist'))).toEqual({ ready: true });
  });

  it("sends the user's name as the database when the connection string has none", () => {
    expect(postgresStartup("postgresql://shop:pw@db:5432").subarray(8).toString()).toBe("user\0shop\0database\0shop\0\0");
  });
});
