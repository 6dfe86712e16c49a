import { createBuilder, isPermanentProbeError } from "@bosun/hosting";
import { describe, expect, it } from "vitest";
import { problemsOf } from "../../../test/support/validation-problems.js";
import { redis } from "./index.js";
import { redisProbeError } from "./redis-credentials.js";

function newBuilder() {
  return createBuilder({ appHostDirectory: "/tmp/shop/apphost", appName: "shop" }).use(redis);
}

const FIX = `pass the password as an option instead: builder.addRedis("cache", { password: builder.addParameter("cache-password", { secret: true }) })`;

describe("a Redis password set by hand", () => {
  it("is refused at build as a --requirepass argument, naming the option to use instead", () => {
    const builder = newBuilder();
    builder.addRedis("cache").withArgs("--requirepass", "s3cret");
    expect(problemsOf(() => builder.build())).toEqual([`resource 'cache' sets --requirepass by hand, but its connection strings and probes would not use it; ${FIX}`]);
  });

  it("is refused as one '--requirepass <password>' argument too", () => {
    const builder = newBuilder();
    builder.addRedis("cache").withArgs("--requirepass s3cret");
    expect(problemsOf(() => builder.build())).toHaveLength(1);
  });

  it("is accepted when it is the resource's own password, and other arguments are left alone", () => {
    const builder = newBuilder();
    const password = builder.addParameter("cache-secret", { secret: true });
    builder.addRedis("cache", { password }).withArgs("--requirepass", password).withArgs("--maxmemory", "64mb");
    expect(() => builder.build()).not.toThrow();
  });
});

describe("a Redis probe error", () => {
  it("is permanent for WRONGPASS and NOAUTH, with a sentence that names the option and no data volume", () => {
    const cache = newBuilder().addRedis("cache").withDataVolume("shop-cache");
    for (const answer of ["WRONGPASS invalid username-password pair or user is disabled.", "NOAUTH Authentication required."]) {
      const error = redisProbeError(new Error(answer), cache.resource, cache.appHost) as Error;
      expect(isPermanentProbeError(error)).toBe(true);
      expect(error.message).toBe(
        `resource 'cache' rejected the credentials of its connection string (${answer}): the server was given other credentials than 'cache-password'; give them only through the model, builder.addRedis("cache", { password }), and not by hand`,
      );
    }
  });

  it("is left as it is when a later try may pass", () => {
    const cache = newBuilder().addRedis("cache");
    const loading = new Error("LOADING Redis is loading the dataset in memory");
    expect(redisProbeError(loading, cache.resource, cache.appHost)).toBe(loading);
  });
});
