import { checkCall, ResourceBuilder, type ContainerResource, type ResourceWithDataPath } from "@bosun/hosting";
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
