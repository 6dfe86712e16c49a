import { ContainerResource, expr, type EndpointReference, type ParameterResource, type ResourceWithDataPath } from "@bosun/hosting";
import type { AspireRedis } from "./integrations.js";
import type { CompanionOptions } from "./redis-commander.js";
import type { NativeBuilder } from "./resource.js";

/** Redis Insight's image (as Aspire pins it), the port of its web UI and the folder it keeps its data in. */
export const REDIS_INSIGHT_IMAGE = "redis/redisinsight";
export const REDIS_INSIGHT_TAG = "3.0";
export const REDIS_INSIGHT_PORT = 5540;
export const REDIS_INSIGHT_DATA_PATH = "/data";

/** Redis Insight's container: its data folder takes withDataVolume and withDataBindMount. */
export class RedisInsightResource extends ContainerResource implements ResourceWithDataPath {
  readonly dataPath = REDIS_INSIGHT_DATA_PATH;
}

/**
 * Adds `<name>-insight` (Redis Insight) with the server preconfigured through Redis Insight's
 * `RI_REDIS_*` variables (host as the container network sees it, port, alias, password); it
 * starts once Redis is healthy.
 */
export function addRedisInsight(redis: AspireRedis, options: CompanionOptions): NativeBuilder {
  const server = redis.native.resource as { name: string; primaryEndpoint: EndpointReference; password: ParameterResource };
  const { host, port } = server.primaryEndpoint;
  const resource = new RedisInsightResource(`${server.name}-insight`);
  resource.addAnnotation({ type: "container-image", registry: undefined, image: REDIS_INSIGHT_IMAGE, tag: REDIS_INSIGHT_TAG });
  const insight = redis.app.native
    .addResource(resource)
    .withHttpEndpoint({ targetPort: REDIS_INSIGHT_PORT })
    .withEnvironment("RI_REDIS_HOST", expr`${host}`)
    .withEnvironment("RI_REDIS_PORT", expr`${port}`)
    .withEnvironment("RI_REDIS_ALIAS", server.name)
    .withEnvironment("RI_REDIS_PASSWORD", server.password)
    .waitFor(redis.native);
  redis.app.configureCompanion(insight, options);
  return insight;
}
