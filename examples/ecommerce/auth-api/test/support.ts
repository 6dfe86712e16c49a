import { readdir, readFile, realpath } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { TestHttpClient } from "@bosun/testing";

/** The auth-api folder, where `node --import tsx src/index.ts` is run. */
export const AUTH_API_DIRECTORY = fileURLToPath(new URL("..", import.meta.url));

/** The reference AppHost's folder: `defineApp`'s relative paths resolve against it. */
export const APPHOST_DIRECTORY = fileURLToPath(new URL("../../../../apphost", import.meta.url));

export interface JsonResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** A JSON request: `body` is sent as JSON, the answer parsed when it has one. */
export type JsonCall = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<JsonResponse<T>>;

/**
 * JSON requests through a test app's `httpClient` (which bounds each request's duration).
 * @example const api = jsonClient(app.httpClient("auth-api")); await api("POST", "/auth/login", { email, password });
 */
export function jsonClient(http: TestHttpClient): JsonCall {
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await http(path, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text === "" ? {} : JSON.parse(text)) as T };
  };
}

/**
 * Resolves once the service answers HTTP at all (any status). The reference model gives the gateway
 * no health check, so `startTestApp` returns as soon as its process runs, maybe before it listens.
 */
export async function untilListening(http: TestHttpClient, path = "/health", timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await http(path, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`nothing answered ${path} within ${timeoutMs / 1000} s`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: string;
  readonly expiresIn: number;
}

/**
 * The environment a running process of this service really received, read from /proc (Linux): the
 * process whose folder is `directory` and whose PORT is `port`. Throws when none is found.
 * @example const env = await processEnvironment(AUTH_API_DIRECTORY, Number(app.endpoint("auth-api").port));
 */
export async function processEnvironment(directory: string, port: number): Promise<Record<string, string>> {
  for (const pid of await readdir("/proc").then((names) => names.filter((name) => /^\d+$/.test(name)))) {
    try {
      if ((await realpath(`/proc/${pid}/cwd`)) !== (await realpath(directory))) continue;
      const env = Object.fromEntries(
        (await readFile(`/proc/${pid}/environ`, "utf8"))
          .split("\0")
          .filter(Boolean)
          .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
      );
      if (env.PORT === String(port)) return env;
    } catch {
      // A process that ended meanwhile, or one of another user.
    }
  }
  throw new Error(`no process in ${directory} with PORT=${port}`);
}
