import { checkCall, ResourceBuilder, type ContainerResource, type ParameterResource, type ResourceWithDataPath } from "@bosun/hosting";
import type { RedisResource } from "./redis-resource.js";

/** Configures a Redis server. */
export class RedisBuilder extends ResourceBuilder<RedisResource> {
  /**
   * Snapshots to disk every `intervalSeconds` when at least `keysChanged` keys changed.
   * @example builder.addRedis("cache").withDataVolume().withPersistence(30, 10)
   */
  withPersistence(intervalSeconds = 60, keysChanged = 1): this {
    checkCall(this.checked("withPersistence", ".withPersistence(30, 10)"), { "the interval in seconds": [intervalSeconds, "number"], "the number of changed keys": [keysChanged, "number"] });
    this.resource.addAnnotation({ type: "args", args: ["--save", String(intervalSeconds), String(keysChanged)] });
    return this;
  }

  /**
   * Sets the server's password after addRedis: `--requirepass`, probes and connection strings use
   * this parameter instead of the one addRedis made (a generated one stays, unused, in the secrets file).
   * @example const cache = builder.addRedis("cache"); cache.withPassword(builder.addParameter("cache-pass", { secret: true }))
   */
  withPassword(password: ResourceBuilder<ParameterResource>): this {
    checkCall(this.checked("withPassword", '.withPassword(builder.addParameter("cache-pass", { secret: true }))'), { "the password": [password, "parameter"] });
    this.resource.replacePassword(password.resource);
    return this;
  }

  /**
   * Keeps the data in a named volume and turns on snapshots (every 60 s when a key changed).
   * @example builder.addRedis("cache").withDataVolume()
   */
  override withDataVolume<B extends ResourceBuilder<ContainerResource & ResourceWithDataPath>>(this: B, name?: string): B {
    super.withDataVolume.call(this, name);
    const persistent = this.resource.annotationsOf("args").some((a) => a.args.includes("--save"));
    if (!persistent) this.resource.addAnnotation({ type: "args", args: ["--save", "60", "1"] });
    return this;
  }
}
