import type { LoginRateLimiter } from "../rate-limit/login-rate-limiter.js";
import type { UserEvents } from "../events/user-events.js";
import type { AccessTokens } from "../tokens/access-tokens.js";
import { hashRefreshToken, newRefreshToken, type RefreshTokenRepository } from "../tokens/refresh-token-repository.js";
import type { PasswordHasher } from "../users/password-hasher.js";
import type { User, UserRepository } from "../users/user-repository.js";

export interface TokenPair {
  readonly accessToken: string;
  readonly tokenType: "Bearer";
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
  readonly refreshToken: string;
}

export interface PublicUser {
  readonly id: string;
  readonly userName: string;
  readonly email: string;
}

export type RegisterResult = { readonly kind: "created"; readonly user: PublicUser } | { readonly kind: "taken" };
export type LoginResult =
  | { readonly kind: "signed-in"; readonly tokens: TokenPair }
  | { readonly kind: "invalid" }
  | { readonly kind: "locked-out"; readonly until: Date }
  | { readonly kind: "rate-limited"; readonly retryAfterSeconds: number };
export type RefreshResult = { readonly kind: "refreshed"; readonly tokens: TokenPair } | { readonly kind: "invalid"; readonly reason: string };

export interface AuthServiceDependencies {
  readonly users: UserRepository;
  readonly refreshTokens: RefreshTokenRepository;
  readonly accessTokens: AccessTokens;
  readonly passwords: PasswordHasher;
  readonly rateLimiter: Pick<LoginRateLimiter, "hit">;
  readonly events: UserEvents;
  readonly lockout: { readonly maxFailedAttempts: number; readonly durationSeconds: number };
}

/** Register, sign in, rotate and revoke: the rules, free of HTTP. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDependencies) {}

  async register(input: { readonly email: string; readonly password: string; readonly userName?: string | undefined }): Promise<RegisterResult> {
    const passwordHash = await this.deps.passwords.hash(input.password);
    const user = await this.deps.users.create({ userName: input.userName ?? input.email, email: input.email, passwordHash });
    if (user === undefined) return { kind: "taken" };
    await this.deps.events.userRegistered(user);
    return { kind: "created", user: toPublic(user) };
  }

  /** Rate limit first (cheap), then lock-out (before the password, as Identity does), then the password. */
  async login(input: { readonly login: string; readonly password: string }, clientAddress: string): Promise<LoginResult> {
    const decision = await this.deps.rateLimiter.hit(input.login, clientAddress);
    if (!decision.allowed) return { kind: "rate-limited", retryAfterSeconds: decision.retryAfterSeconds };
    const user = await this.deps.users.findByLogin(input.login);
    if (user === undefined) {
      await this.deps.passwords.verifyNothing(input.password);
      return { kind: "invalid" };
    }
    if (user.lockedOutUntil !== undefined) return { kind: "locked-out", until: user.lockedOutUntil };
    if (!(await this.deps.passwords.verify(user.passwordHash, input.password))) {
      const { maxFailedAttempts, durationSeconds } = this.deps.lockout;
      const { lockedOutUntil } = await this.deps.users.recordFailure(user.id, maxFailedAttempts, durationSeconds);
      return lockedOutUntil === undefined ? { kind: "invalid" } : { kind: "locked-out", until: lockedOutUntil };
    }
    await this.deps.users.recordSuccess(user.id);
    const refresh = newRefreshToken();
    await this.deps.refreshTokens.store(user.id, refresh.hash);
    return { kind: "signed-in", tokens: await this.#tokens(user, refresh.token) };
  }

  async refresh(refreshToken: string): Promise<RefreshResult> {
    const successor = newRefreshToken();
    const outcome = await this.deps.refreshTokens.rotate(hashRefreshToken(refreshToken), successor.hash);
    switch (outcome.kind) {
      case "unknown":
        return { kind: "invalid", reason: "unknown refresh token" };
      case "expired":
        return { kind: "invalid", reason: "refresh token expired" };
      case "reused":
        return { kind: "invalid", reason: "refresh token was already used; every session of this user has been signed out" };
      case "rotated": {
        const user = await this.deps.users.findById(outcome.userId);
        if (user === undefined) return { kind: "invalid", reason: "unknown user" };
        if (user.lockedOutUntil !== undefined) return { kind: "invalid", reason: "account locked out" };
        return { kind: "refreshed", tokens: await this.#tokens(user, successor.token) };
      }
    }
  }

  /** Revokes the refresh token; idempotent, so signing out twice is not an error. */
  async logout(refreshToken: string): Promise<void> {
    await this.deps.refreshTokens.revoke(hashRefreshToken(refreshToken));
  }

  async me(accessToken: string): Promise<PublicUser | undefined> {
    const claims = await this.deps.accessTokens.verify(accessToken);
    const user = claims && (await this.deps.users.findById(claims.sub));
    return user && toPublic(user);
  }

  async #tokens(user: User, refreshToken: string): Promise<TokenPair> {
    const accessToken = await this.deps.accessTokens.issue({ sub: user.id, name: user.userName, email: user.email });
    return { accessToken, tokenType: "Bearer", expiresIn: this.deps.accessTokens.lifetimeSeconds, refreshToken };
  }
}

function toPublic(user: User): PublicUser {
  return { id: user.id, userName: user.userName, email: user.email };
}
