import { request, type IncomingHttpHeaders } from "node:http";

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface RequestOptions {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One request to 127.0.0.1:`port` with exactly the headers given (Host included, when given). */
export function httpRequest(port: number, path: string, options: RequestOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** Exchanges the login URL's token for the session cookie, as a browser does. */
export async function signIn(port: number, loginUrl: string): Promise<string> {
  const answer = await httpRequest(port, new URL(loginUrl).pathname + new URL(loginUrl).search);
  const cookie = String(answer.headers["set-cookie"]?.[0] ?? "").split(";")[0];
  if (answer.status !== 303 || !cookie) throw new Error(`login answered ${answer.status} without a cookie: ${answer.body}`);
  return cookie;
}
