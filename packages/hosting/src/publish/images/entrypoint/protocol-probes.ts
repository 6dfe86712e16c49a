import { exchange, type Verdict } from "./socket-exchange.js";
import { addressOf, type WaitTarget } from "./wait-targets.js";

/** PostgreSQL's "cannot connect now": the server is starting up or shutting down. */
const PG_CANNOT_CONNECT_NOW = "57P03";
/** Redis answers these while it cannot serve commands yet. */
const REDIS_NOT_READY = /^-(LOADING|BUSY|MASTERDOWN)\b/;
/** AMQP 0-9-1 protocol header; the broker answers with a connection.start method frame. */
const AMQP_HEADER = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);

/**
 * Checks once whether a dependency serves its protocol, without logging in: a wait ends when the
 * server could serve the app, and wrong credentials then fail in the app with its own message
 * instead of a wait that never ends. `started` waits only need a TCP connect.
 */
export async function probeOnce(target: WaitTarget, timeoutMs: number): Promise<void> {
  if (target.probe === "http" && target.kind === "healthy") return probeHttp(target.target, timeoutMs);
  const { host, port } = addressOf(target);
  if (target.kind === "started") return exchange({ host, port, timeoutMs });
  switch (target.probe) {
    case "postgres":
      return exchange({ host, port, timeoutMs, request: postgresStartup(target.target), judge: judgePostgres });
    case "redis":
      return exchange({ host, port, timeoutMs, request: Buffer.from("PING\r\n"), judge: judgeRedis });
    case "amqp":
      return exchange({ host, port, timeoutMs, request: AMQP_HEADER, judge: judgeAmqp });
    default:
      return exchange({ host, port, timeoutMs });
  }
}

async function probeHttp(url: string, timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: "manual" });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`answered HTTP ${response.status}`);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw cause?.code ? new Error(cause.code) : error;
  } finally {
    clearTimeout(timer);
  }
}

/** A protocol 3.0 startup message for the target's user and database, as pg_isready sends. */
export function postgresStartup(connectionString: string): Buffer {
  const url = new URL(connectionString);
  const user = decodeURIComponent(url.username) || "postgres";
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || user;
  const body = Buffer.from(`user\0${user}\0database\0${database}\0\0`);
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(196608, 4);
  return Buffer.concat([header, body]);
}

/** An authentication request means the server accepts connections; so does any error but 57P03. */
export function judgePostgres(received: Buffer): Verdict {
  const type = String.fromCharCode(received[0] ?? 0);
  if (type === "R") return { ready: true };
  if (type !== "E") return { ready: false, reason: `unexpected answer '${type}' to a startup message` };
  if (received.length < 5 || received.length < 1 + received.readInt32BE(1)) return "more";
  const fields = received.subarray(5, 1 + received.readInt32BE(1)).toString("utf8").split("\0");
  const code = fields.find((field) => field.startsWith("C"))?.slice(1);
  const message = fields.find((field) => field.startsWith("M"))?.slice(1) ?? "error";
  return code === PG_CANNOT_CONNECT_NOW ? { ready: false, reason: message } : { ready: true };
}

/** `+PONG`, or `-NOAUTH` from a server with a password: either way it serves commands. */
export function judgeRedis(received: Buffer): Verdict {
  const text = received.toString("utf8");
  if (!text.includes("\r\n")) return "more";
  const line = text.slice(0, text.indexOf("\r\n"));
  return REDIS_NOT_READY.test(line) ? { ready: false, reason: line.slice(1) } : { ready: true };
}

/** A method frame on channel 0 carrying connection.start (class 10, method 10). */
export function judgeAmqp(received: Buffer): Verdict {
  if (received.length < 11) return "more";
  if (received.subarray(0, 4).toString("latin1") === "AMQP") return { ready: false, reason: "the broker does not speak AMQP 0-9-1" };
  const isStart = received[0] === 1 && received.readUInt16BE(7) === 10 && received.readUInt16BE(9) === 10;
  return isStart ? { ready: true } : { ready: false, reason: "no connection.start from the broker" };
}
