import {
  amqpHealthCheck,
  connectAmqp,
  createLogger,
  createMetrics,
  createPgPool,
  createRedis,
  pgHealthCheck,
  redisHealthCheck,
} from "@bosun/service-defaults";
import { AuthService } from "./auth/auth-service.js";
import { CACHE, DATABASE, MESSAGING, readConfig } from "./config.js";
import { amqpUserEvents, declareEvents } from "./events/user-events.js";
import { LoginRateLimiter } from "./rate-limit/login-rate-limiter.js";
import { buildApp } from "./server/build-app.js";
import { AccessTokens } from "./tokens/access-tokens.js";
import { RefreshTokenRepository } from "./tokens/refresh-token-repository.js";
import { createPasswordHasher } from "./users/password-hasher.js";
import { UserRepository } from "./users/user-repository.js";

export interface RunningAuthApi {
  readonly url: string;
  close(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Serves requests with the database role it is given (the least-privilege `auth_app` from the
 * AppHost); the schema is migrated before it starts, by the migration job (`src/migrate.ts`).
 * @example const api = await startAuthApi(process.env); // ... await api.close();
 */
export async function startAuthApi(env: Env = process.env): Promise<RunningAuthApi> {
  const config = readConfig(env);
  const logger = createLogger({ serviceName: "auth-api", env });
  const metrics = createMetrics({ serviceName: "auth-api" });

  const db = createPgPool(DATABASE, { logger, metrics, env, ...config.database });
  const warming = performance.now();
  await db.warmed;
  logger.info({ idle: db.pool.idleCount }, `database pool warm: ${db.pool.idleCount} idle connection(s) in ${Math.round(performance.now() - warming)} ms`);
  const redis = createRedis(CACHE, { logger, env });
  const bus = await connectAmqp(MESSAGING, { logger, env, setup: declareEvents });
  const users = new UserRepository(db);
  const auth = new AuthService({
    users,
    refreshTokens: new RefreshTokenRepository(db, config.refreshTokenDays),
    accessTokens: new AccessTokens(config.jwt),
    passwords: await createPasswordHasher(),
    rateLimiter: new LoginRateLimiter(redis, config.loginRateLimit, logger),
    events: amqpUserEvents(bus, logger),
    lockout: config.lockout,
  });
  const checks = [
    pgHealthCheck(db, { detail: async () => ({ users: await new UserRepository({ query: (text, values) => db.pool.query(text, values as unknown[]) }).count() }) }),
    redisHealthCheck(redis),
    amqpHealthCheck(bus),
  ];
  const app = buildApp({ auth, checks, registry: metrics.registry, logger, trustProxy: config.trustProxy });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${config.port}`;
  logger.info({ url }, `auth-api listening on ${url}`);

  return {
    url,
    async close() {
      await app.close();
      await Promise.allSettled([db.end(), bus.close(), redis.quit()]);
    },
  };
}
