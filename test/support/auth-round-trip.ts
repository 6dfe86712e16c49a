import { expect } from "vitest";

const PASSWORD = "a long enough password";

async function call(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? {} : (JSON.parse(text) as Record<string, string>) };
}

/**
 * register → login → refresh → logout through the gateway at `baseUrl`, as a user of the published
 * stack would; a refresh token no longer works after logout.
 */
export async function expectAuthRoundTrip(baseUrl: string, email: string): Promise<void> {
  const registered = await call(baseUrl, "POST", "/api/auth/register", { email, password: PASSWORD });
  expect(registered).toMatchObject({ status: 201, body: { email } });
  const signedIn = await call(baseUrl, "POST", "/api/auth/login", { email, password: PASSWORD });
  expect(signedIn.status).toBe(200);
  expect(signedIn.body.accessToken).toEqual(expect.any(String));
  const refreshed = await call(baseUrl, "POST", "/api/auth/refresh", { refreshToken: signedIn.body.refreshToken });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.refreshToken).not.toBe(signedIn.body.refreshToken);
  expect((await call(baseUrl, "POST", "/api/auth/logout", { refreshToken: refreshed.body.refreshToken })).status).toBe(204);
  expect(await call(baseUrl, "POST", "/api/auth/refresh", { refreshToken: refreshed.body.refreshToken })).toMatchObject({ status: 401 });
}
