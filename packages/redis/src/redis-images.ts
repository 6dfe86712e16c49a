/** The image the Redis integration runs (the official one, as .NET Aspire pins it). */
export const REDIS_REGISTRY = "docker.io";
export const REDIS_IMAGE = "library/redis";
export const REDIS_TAG = "8.6";

export const REDIS_PORT = 6379;
export const REDIS_DATA_PATH = "/data";
