import net from "node:net";

/** What the answer so far says: ready, not ready (with why), or wait for more bytes. */
export type Verdict = { readonly ready: true } | { readonly ready: false; readonly reason: string } | "more";

export interface Exchange {
  readonly host: string;
  readonly port: number;
  /** Bytes sent once connected; none for a plain connect check. */
  readonly request?: Buffer;
  /** Judges the bytes received so far; absent means a connect is enough. */
  readonly judge?: (received: Buffer) => Verdict;
  readonly timeoutMs: number;
}

/** Connects, sends the request and reads until the judge decides; resolves when ready, throws why not. */
export function exchange(spec: Exchange): Promise<void> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const socket = net.connect({ host: spec.host, port: spec.port });
    // A plain timer: a connection through a proxy or a virtual IP may neither answer nor close.
    const timer = setTimeout(() => finish(new Error(`no answer within ${spec.timeoutMs} ms`)), spec.timeoutMs);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.once("connect", () => {
      if (!spec.judge) return finish();
      if (spec.request) socket.write(spec.request);
    });
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const verdict = spec.judge?.(received) ?? "more";
      if (verdict === "more") return;
      finish(verdict.ready ? undefined : new Error(verdict.reason));
    });
    socket.once("error", (error: NodeJS.ErrnoException) => finish(new Error(error.code ?? error.message)));
    socket.once("close", () => finish(new Error("the connection was closed before an answer")));
  });
}
