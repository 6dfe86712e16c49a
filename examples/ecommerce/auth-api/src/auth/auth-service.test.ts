import { describe, expect, it } from "vitest";
import type { UserEvents } from "../events/user-events.js";
import { AccessTokens } from "../tokens/access-tokens.js";
import type { RefreshTokenRepository, RotationOutcome } from "../tokens/refresh-token-repository.js";
import type { PasswordHasher } from "../users/password-hasher.js";
import type { User, UserRepository } from "../users/user-repository.js";
import { AuthService } from "./auth-service.js";

const ADA: User = { id: "u1", userName: "ada", email: "ada@example.com", passwordHash: "hash:right", securityStamp: "s", lockedOutUntil: undefined };

function setup(overrides: { user?: User | undefined; rotation?: RotationOutcome; allowed?: boolean; lockAfterFailure?: boolean } = {}) {
  const calls: string[] = [];
  const user = "user" in overrides ? overrides.user : ADA;
  const users = {
    create: async (input: { userName: string; email: string }) => (calls.push(`create ${input.userName}`), input.email === "taken@example.com" ? undefined : { ...ADA, ...input }),
    findByLogin: async () => (calls.push("findByLogin"), user),
    findById: async () => user,
    recordFailure: async () => (calls.push("recordFailure"), { lockedOutUntil: overrides.lockAfterFailure ? new Date(Date.now() + 300_000) : undefined }),
    recordSuccess: async () => void calls.push("recordSuccess"),
  } as unknown as UserRepository;
  const refreshTokens = {
    store: async () => void calls.push("store"),
    rotate: async () => overrides.rotation ?? { kind: "rotated", userId: "u1" },
    revoke: async () => (calls.push("revoke"), true),
  } as unknown as RefreshTokenRepository;
  const passwords: PasswordHasher = {
    hash: async (password) => `hash:${password}`,
    verify: async (hash, password) => (calls.push("verify"), hash === `hash:${password}`),
    verifyNothing: async () => void calls.push("verifyNothing"),
  };
  const events: UserEvents = { userRegistered: async (u) => void calls.push(`event ${u.id}`) };
  const auth = new AuthService({
    users,
    refreshTokens,
    passwords,
    events,
    accessTokens: new AccessTokens({ secret: new Uint8Array(32), accessTokenSeconds: 900, issuer: "auth-api", audience: "ecommerce" }),
    rateLimiter: { hit: async () => (overrides.allowed ?? true ? { allowed: true } : { allowed: false, retryAfterSeconds: 42 }) },
    lockout: { maxFailedAttempts: 5, durationSeconds: 300 },
  });
  return { auth, calls };
}

describe("AuthService", () => {
  it("registers with the e-mail as user name by default and publishes the event only for a new user", async () => {
    const { auth, calls } = setup();
    expect(await auth.register({ email: "new@example.com", password: "pw" })).toEqual({ kind: "created", user: { id: "u1", userName: "new@example.com", email: "new@example.com" } });
    expect(await auth.register({ email: "taken@example.com", password: "pw" })).toEqual({ kind: "taken" });
    expect(calls).toEqual(["create new@example.com", "event u1", "create taken@example.com"]);
  });

  it("signs in with a Bearer pair, clearing failures and storing the refresh token", async () => {
    const { auth, calls } = setup();
    const result = await auth.login({ login: "ada", password: "right" }, "127.0.0.1");
    expect(result).toMatchObject({ kind: "signed-in", tokens: { tokenType: "Bearer", expiresIn: 900, accessToken: expect.any(String), refreshToken: expect.any(String) } });
    expect(calls).toEqual(["findByLogin", "verify", "recordSuccess", "store"]);
  });

  it("checks the rate limit before touching the database", async () => {
    const { auth, calls } = setup({ allowed: false });
    expect(await auth.login({ login: "ada", password: "right" }, "127.0.0.1")).toEqual({ kind: "rate-limited", retryAfterSeconds: 42 });
    expect(calls).toEqual([]);
  });

  it("spends a verification on unknown users so timing does not tell who exists", async () => {
    const { auth, calls } = setup({ user: undefined });
    expect(await auth.login({ login: "ghost", password: "x" }, "127.0.0.1")).toEqual({ kind: "invalid" });
    expect(calls).toEqual(["findByLogin", "verifyNothing"]);
  });

  it("refuses a locked-out user without checking the password", async () => {
    const until = new Date(Date.now() + 60_000);
    const { auth, calls } = setup({ user: { ...ADA, lockedOutUntil: until } });
    expect(await auth.login({ login: "ada", password: "right" }, "127.0.0.1")).toEqual({ kind: "locked-out", until });
    expect(calls).toEqual(["findByLogin"]);
  });

  it("records a wrong password and reports the lock-out it causes", async () => {
    expect(await setup().auth.login({ login: "ada", password: "wrong" }, "127.0.0.1")).toEqual({ kind: "invalid" });
    const locking = setup({ lockAfterFailure: true });
    expect(await locking.auth.login({ login: "ada", password: "wrong" }, "127.0.0.1")).toMatchObject({ kind: "locked-out" });
    expect(locking.calls).toEqual(["findByLogin", "verify", "recordFailure"]);
  });

  it("explains every way a refresh can fail", async () => {
    const reasons = [];
    for (const rotation of [{ kind: "unknown" }, { kind: "expired" }, { kind: "reused", userId: "u1" }] as RotationOutcome[]) {
      reasons.push(await setup({ rotation }).auth.refresh("t"));
    }
    expect(reasons).toEqual([
      { kind: "invalid", reason: "unknown refresh token" },
      { kind: "invalid", reason: "refresh token expired" },
      { kind: "invalid", reason: "refresh token was already used; every session of this user has been signed out" },
    ]);
    expect(await setup().auth.refresh("t")).toMatchObject({ kind: "refreshed", tokens: { tokenType: "Bearer" } });
  });
});
