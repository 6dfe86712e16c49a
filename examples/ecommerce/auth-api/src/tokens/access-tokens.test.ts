import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { AccessTokens } from "./access-tokens.js";

const settings = { secret: new TextEncoder().encode("k".repeat(43)), accessTokenSeconds: 60, issuer: "auth-api", audience: "ecommerce" };
const claims = { sub: "user-1", name: "ada", email: "ada@example.com" };

describe("AccessTokens", () => {
  it("issues HS256 tokens it verifies back into their claims", async () => {
    const tokens = new AccessTokens(settings);
    const token = await tokens.issue(claims);
    expect(JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString())).toEqual({ alg: "HS256", typ: "JWT" });
    expect(await tokens.verify(token)).toEqual(claims);
  });

  it("rejects tokens signed with another key, for another audience, or expired", async () => {
    const other = new AccessTokens({ ...settings, secret: new TextEncoder().encode("x".repeat(43)) });
    const tokens = new AccessTokens(settings);
    expect(await tokens.verify(await other.issue(claims))).toBeUndefined();
    expect(await tokens.verify(await new AccessTokens({ ...settings, audience: "admin" }).issue(claims))).toBeUndefined();
    const expired = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject("user-1").setIssuer("auth-api").setAudience("ecommerce")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(settings.secret);
    expect(await tokens.verify(expired)).toBeUndefined();
    expect(await tokens.verify("not.a.token")).toBeUndefined();
  });
});
