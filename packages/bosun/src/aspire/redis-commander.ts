import { expr, type EndpointReference, type ParameterResource } from "@bosun/hosting";
import type { AspireRedis } from "./integrations.js";
import type { NativeBuilder } from "./resource.js";

/** What Aspire's withRedisCommander, withPgAdmin and similar take. */
export interface CompanionOptions {
  /** Called with the companion container, as a wrapper (`withHostPort({ port })` and the like). */
  configureContainer?: (container: never) => unknown;
  containerName?: string;
}

/** Redis Commander's image and the port its web UI listens on. */
export const REDIS_COMMANDER_IMAGE = "rediscommander/redis-commander:latest";
export const REDIS_COMMANDER_PORT = 8081;

/**
 * Adds `<name>-commander` (Redis Commander) connected to the Redis server: `REDIS_HOSTS` names
 * the server as the container network sees it, with its password; it starts once Redis is healthy.
 */
export function addRedisCommander(redis: AspireRedis, options: CompanionOptions): NativeBuilder {
  const server = redis.native.resource as { name: string; primaryEndpoint: EndpointReference; password: ParameterResource };
  const { host, port } = server.primaryEndpoint;
  const commander = redis.app.native
    .addContainer(`${server.name}-commander`, REDIS_COMMANDER_IMAGE)
    .withHttpEndpoint({ targetPort: REDIS_COMMANDER_PORT })
    .withEnvironment("REDIS_HOSTS", expr`${server.name}:${host}:${port}:0:${server.password}`)
    .waitFor(redis.native);
  redis.app.configureCompanion(commander, options);
  return commander;
}
