export { redis, addRedis, type RedisOptions } from "./add-redis.js";
export { RedisBuilder } from "./redis-builder.js";
export { RedisResource } from "./redis-resource.js";
export { probeRedis } from "./redis-probe.js";
export { REDIS_REGISTRY, REDIS_IMAGE, REDIS_TAG, REDIS_PORT, REDIS_DATA_PATH } from "./redis-images.js";
