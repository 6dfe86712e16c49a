import { checkCall, checkOptions, defineExtension, type DistributedApplicationBuilder, type ParameterResource, type ProbeContext, type PublishedCheck, type ResourceBuilder } from "@bosun/hosting";
import { RedisBuilder } from "./redis-builder.js";
import { REDIS_IMAGE, REDIS_PORT, REDIS_REGISTRY, REDIS_TAG } from "./redis-images.js";
import { redisProbeError } from "./redis-credentials.js";
import { connectRedis } from "./redis-connection.js";
import { probeRedis } from "./redis-probe.js";
import { RedisResource } from "./redis-resource.js";

export interface RedisOptions {
  /** Default: a generated secret `<name>-password`. */
  readonly password?: ResourceBuilder<ParameterResource>;
  /** Host port; default: chosen by the engine. */
  readonly port?: number;
}

/**
 * Adds a Redis server container protected by a password.
 * @example const cache = builder.addRedis("cache").withHostPort(6381)
 */
export function addRedis(app: DistributedApplicationBuilder, name: string, options: RedisOptions = {}): RedisBuilder {
  const context = { call: "builder.addRedis(…)", example: 'builder.addRedis("cache", { port: 6380 })' };
  checkCall(context, { "the name": [name, "string"] });
  checkOptions(context, options, { password: "parameter?", port: "number?" });
  const password = options.password ? options.password.resource : app.addGeneratedPassword(name).resource;
  const redis = new RedisResource(name, password);
  app.addResource(redis);
  redis.addAnnotation({ type: "container-image", registry: REDIS_REGISTRY, image: REDIS_IMAGE, tag: REDIS_TAG });
  const publishedCheck: PublishedCheck = {
    kind: "redis-ping",
    // redis-cli reads the password from REDISCLI_AUTH, so it never shows in the command line; it exits 0 on an error reply too
    shell: `redis-cli -h 127.0.0.1 -p ${REDIS_PORT} ping | grep -q PONG`,
    // read when used: RedisBuilder.withPassword may replace the password after addRedis
    environment: {
      get REDISCLI_AUTH() {
        return redis.password;
      },
    },
    client: "redis",
  };
  const probe = ({ resolve }: ProbeContext) => probeRedis(resolve(redis)).catch((error: unknown) => Promise.reject(redisProbeError(error, redis, app.appHost)));
  const connect = ({ resolve }: ProbeContext) => connectRedis(resolve(redis)).catch((error: unknown) => Promise.reject(redisProbeError(error, redis, app.appHost)));
  redis.addAnnotation({ type: "health-check", check: { kind: "probe", name: "redis", probe, connect, publishedCheck } });
  return new RedisBuilder(redis, app.appHost)
    .withEndpoint({ name: "tcp", targetPort: REDIS_PORT, port: options.port })
    .withArgs("redis-server", "--requirepass", password);
}

/**
 * The Redis integration: `createBuilder().use(redis)` adds `addRedis`.
 * @example const builder = createBuilder().use(redis); builder.addRedis("cache")
 */
export const redis = defineExtension("redis", (app) => ({
  addRedis: (name: string, options?: RedisOptions): RedisBuilder => addRedis(app, name, options),
}));
