import { describe, expect, it } from "vitest";
import { amqpUrl } from "./amqp-url.js";
import { redisOptions } from "./redis-options.js";

describe("redisOptions", () => {
  it("reads the URI bosun injects", () => {
    expect(redisOptions("cache", { ConnectionStrings__cache: "redis://:s3cret@localhost:6381" })).toEqual({
      host: "localhost",
      port: 6381,
      password: "s3cret",
    });
  });

  it("reads rediss:// as TLS and a database number from the path", () => {
    expect(redisOptions("cache", { ConnectionStrings__cache: "rediss://user:pw@cache/2" })).toEqual({
      host: "cache",
      port: 6379,
      username: "user",
      password: "pw",
      db: 2,
      tls: {},
    });
  });

  it("reads the StackExchange.Redis form .NET Aspire injects", () => {
    expect(redisOptions("cache", { ConnectionStrings__cache: "localhost:6381,password=s3cret,ssl=false" })).toEqual({
      host: "localhost",
      port: 6381,
      password: "s3cret",
    });
  });

  it("rejects a URI of another scheme, naming the variable", () => {
    expect(() => redisOptions("cache", { ConnectionStrings__cache: "amqp://u:hunter2@h" })).toThrowErrorMatchingInlineSnapshot(
      `[ServiceDefaultsError: ConnectionStrings__cache is malformed: scheme 'amqp://' is not Redis (expected redis:// or rediss://)]`,
    );
  });
});

describe("amqpUrl", () => {
  it("returns the amqp URI as given", () => {
    expect(amqpUrl("messaging", { ConnectionStrings__messaging: "amqp://guest:guest@localhost:5672" })).toBe(
      "amqp://guest:guest@localhost:5672",
    );
  });

  it("rejects anything but amqp:// and amqps:// without echoing it", () => {
    expect(() => amqpUrl("messaging", { ConnectionStrings__messaging: "Host=x;Password=hunter2" })).toThrowErrorMatchingInlineSnapshot(
      `[ServiceDefaultsError: ConnectionStrings__messaging is malformed: expected an amqp:// or amqps:// URI (amqp://user:password@host:5672)]`,
    );
  });
});
