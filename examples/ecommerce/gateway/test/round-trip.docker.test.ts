import { startTestApp, type TestApp } from "@bosun/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineApp } from "../../../../apphost/app.js";
import { APPHOST_DIRECTORY, jsonClient, type JsonCall, type Tokens, untilListening } from "../../auth-api/test/support.js";

const PASSWORD = "a long enough password";

let app: TestApp;
let gateway: JsonCall;
const issuedTokens: string[] = [];

beforeAll(async () => {
  // The gateway from the reference model, with auth-api and what auth-api waits for.
  app = await startTestApp(defineApp, { resources: ["gateway"], appHostDirectory: APPHOST_DIRECTORY });
  await untilListening(app.httpClient("gateway"));
  gateway = jsonClient(app.httpClient("gateway"));
});

afterAll(async () => {
  await app?.stop();
});

describe("gateway in front of auth-api, started from the reference model", () => {
  it("reports healthy when auth-api is", async () => {
    const health = await gateway("GET", "/health");
    expect(health).toMatchObject({ status: 200, body: { status: "Healthy", checks: { "auth-api": { status: "Healthy" } } } });
  });

  it("carries a register → login → refresh → logout round trip to /auth/* with bodies, statuses and headers intact", async () => {
    const registered = await gateway("POST", "/api/auth/register", { email: "lin@example.com", password: PASSWORD });
    expect(registered).toMatchObject({ status: 201, body: { email: "lin@example.com" } });
    expect((await gateway("POST", "/api/auth/register", { email: "lin@example.com", password: PASSWORD })).status).toBe(409);

    const signedIn = await gateway<Tokens>("POST", "/api/auth/login", { email: "lin@example.com", password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    const me = await gateway("GET", "/api/auth/me", undefined, { authorization: `Bearer ${signedIn.body.accessToken}` });
    expect(me.body).toMatchObject({ id: registered.body.id, email: "lin@example.com" });

    const refreshed = await gateway<Tokens>("POST", "/api/auth/refresh", { refreshToken: signedIn.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(signedIn.body.refreshToken);
    issuedTokens.push(signedIn.body.accessToken, signedIn.body.refreshToken, refreshed.body.accessToken, refreshed.body.refreshToken);

    expect((await gateway("POST", "/api/auth/logout", { refreshToken: refreshed.body.refreshToken })).status).toBe(204);
    const afterLogout = await gateway("POST", "/api/auth/refresh", { refreshToken: refreshed.body.refreshToken });
    expect(afterLogout).toMatchObject({ status: 401, body: { error: "invalid_token" } });
    const wrong = await gateway("POST", "/api/auth/login", { email: "lin@example.com", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect((await gateway("GET", "/api/nothing-here")).status).toBe(404);
  });

  it("never logs a password or token", () => {
    const output = [...app.logs("auth-api"), ...app.logs("gateway")].join("\n");
    expect(output.length).toBeGreaterThan(0);
    expect(output).not.toContain(decodeURIComponent(new URL(app.connectionString("ecommercedb")).password));
    expect(output).not.toContain(PASSWORD);
    expect(issuedTokens).toHaveLength(4);
    for (const token of issuedTokens) expect(output).not.toContain(token);
  });
});
