import { rejectedCredentials, type AppHostInfo } from "@bosun/hosting";
import type { RedisResource } from "./redis-resource.js";

/** Server answers that say the password (or its absence) is wrong; no later try can succeed. */
const REFUSED_LOGIN = /\b(WRONGPASS|NOAUTH)\b|AUTH.* without any password configured|no password is set/;

/**
 * One truth for credentials: the password comes from `addRedis(name, { password })`, which passes
 * it as `--requirepass` and into every connection string and probe. Another `--requirepass` set by
 * hand with withArgs would give the server a password nothing else knows, so build() reports it.
 */
export function handSetPassword(redis: RedisResource): string[] {
  const args = redis.annotationsOf("args").flatMap((a) => a.args);
  const handSet = args.some((arg, i) => (arg === "--requirepass" && args[i + 1] !== redis.password) || (typeof arg === "string" && /^--requirepass\s/.test(arg)));
  if (!handSet) return [];
  return [
    `resource '${redis.name}' sets --requirepass by hand, but its connection strings and probes would not use it; pass the password as an option instead: builder.addRedis("${redis.name}", { password: builder.addParameter("${redis.name}-password", { secret: true }) })`,
  ];
}

/** The error a probe throws for `error`: a PermanentProbeError with the fix when the server refused the password, else `error`. */
export function redisProbeError(error: unknown, redis: RedisResource, appHost: AppHostInfo): unknown {
  const answer = error instanceof Error ? error.message : String(error);
  if (!REFUSED_LOGIN.test(answer)) return error;
  const option = `builder.addRedis("${redis.name}", { password })`;
  return rejectedCredentials({ resource: redis, appHost, answer, parameters: [redis.password], option, keptInData: false, cause: error });
}
