import type { Redis } from "ioredis";
import type { LoggerLike } from "@bosun/service-defaults";
import { normalizeLookup } from "../users/normalize.js";

export interface LoginRateLimit {
  readonly perAccount: number;
  readonly perClient: number;
  readonly windowSeconds: number;
}

export type RateLimitDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Fixed-window counters in Redis, one per account and one per client address, so neither guessing one
 * account's password from many places nor many accounts from one place goes fast. When Redis is down
 * it lets the attempt through (the database lock-out still applies) and logs a warning.
 */
export class LoginRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly limit: LoginRateLimit,
    private readonly logger: LoggerLike,
  ) {}

  async hit(login: string, clientAddress: string): Promise<RateLimitDecision> {
    const keys: [string, number][] = [
      [`auth:login-attempts:account:${normalizeLookup(login)}`, this.limit.perAccount],
      [`auth:login-attempts:client:${clientAddress}`, this.limit.perClient],
    ];
    try {
      const pipeline = this.redis.multi();
      for (const [key] of keys) pipeline.incr(key).expire(key, this.limit.windowSeconds, "NX").ttl(key);
      const replies = (await pipeline.exec()) ?? [];
      let retryAfterSeconds = 0;
      keys.forEach(([, max], index) => {
        const count = Number(replies[index * 3]?.[1]);
        const ttl = Number(replies[index * 3 + 2]?.[1]);
        if (count > max) retryAfterSeconds = Math.max(retryAfterSeconds, ttl > 0 ? ttl : this.limit.windowSeconds);
      });
      return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
    } catch (error) {
      this.logger.warn({ dependency: "cache" }, `login rate limit not checked (${(error as Error).message}); allowing the attempt`);
      return { allowed: true };
    }
  }
}
