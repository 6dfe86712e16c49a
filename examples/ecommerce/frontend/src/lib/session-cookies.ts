import type { NextResponse } from "next/server";

/** The tokens auth-api hands out on sign-in and refresh. */
export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Seconds the access token is valid for. */
  readonly expiresIn: number;
}

export const ACCESS_COOKIE = "shop_access";
export const REFRESH_COOKIE = "shop_refresh";
/** Only the session routes need the tokens, so the browser sends them nowhere else. */
const COOKIE_PATH = "/api/auth";
/** auth-api's default refresh-token lifetime; it rejects an expired token itself either way. */
const REFRESH_MAX_AGE_SECONDS = 7 * 24 * 3600;

export function isTokens(value: unknown): value is Tokens {
  const tokens = value as Partial<Tokens> | null;
  return typeof tokens?.accessToken === "string" && typeof tokens.refreshToken === "string" && typeof tokens.expiresIn === "number";
}

/**
 * Keeps the tokens in httpOnly cookies, out of reach of the page's scripts. `Secure` when the
 * browser came over https (a plain-http localhost would otherwise drop them).
 */
export function setSessionCookies(response: NextResponse, tokens: Tokens, request: Request): void {
  const base = { httpOnly: true, sameSite: "strict", path: COOKIE_PATH, secure: isHttps(request) } as const;
  response.cookies.set(ACCESS_COOKIE, tokens.accessToken, { ...base, maxAge: tokens.expiresIn });
  response.cookies.set(REFRESH_COOKIE, tokens.refreshToken, { ...base, maxAge: REFRESH_MAX_AGE_SECONDS });
}

export function clearSessionCookies(response: NextResponse): void {
  for (const name of [ACCESS_COOKIE, REFRESH_COOKIE]) {
    response.cookies.set(name, "", { httpOnly: true, sameSite: "strict", path: COOKIE_PATH, maxAge: 0 });
  }
}

function isHttps(request: Request): boolean {
  return (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")) === "https";
}
