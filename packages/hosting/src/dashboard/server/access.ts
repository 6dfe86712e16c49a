import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const SESSION_COOKIE = "bosun_dashboard";

/** 32 random bytes, base64url: the per-run login token and each browser's session id. */
function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Who may use the dashboard: a browser that exchanged the run's token for a session cookie (or
 * anyone on this machine in unsecured mode), talking to it by its own address.
 */
export class DashboardAccess {
  readonly token: string | undefined;
  /** The port the server listens on, set once it does; the only one its Host check accepts. */
  port = 0;
  readonly #sessions = new Set<string>();

  constructor(unsecured: boolean) {
    this.token = unsecured ? undefined : randomToken();
  }

  /** A new session id for the right token; undefined for a wrong or missing one. */
  login(token: string | null): string | undefined {
    if (this.token === undefined) return undefined;
    if (token === null || !sameText(token, this.token)) return undefined;
    const session = randomToken();
    this.#sessions.add(session);
    return session;
  }

  isSignedIn(request: IncomingMessage): boolean {
    if (this.token === undefined) return true;
    const session = cookieValue(request.headers.cookie, SESSION_COOKIE);
    return session !== undefined && this.#sessions.has(session);
  }

  /** `127.0.0.1:PORT` or `localhost:PORT`; anything else may be a DNS-rebinding page. */
  isOwnHost(request: IncomingMessage): boolean {
    const host = request.headers.host;
    return host === `127.0.0.1:${this.port}` || host === `localhost:${this.port}`;
  }

  /** No Origin (a same-origin GET), or this dashboard's own origin. */
  isOwnOrigin(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return origin === undefined || origin === `http://${request.headers.host}`;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
