import { describe, expect, it } from "vitest";
import { addressOf, describeTarget, parseWaitTargets } from "./wait-targets.js";

describe("parseWaitTargets", () => {
  it("reads the JSON the publish step renders; nothing to wait for when unset", () => {
    expect(parseWaitTargets(undefined)).toEqual([]);
    expect(parseWaitTargets(" ")).toEqual([]);
    const targets = parseWaitTargets(
      JSON.stringify([
        { service: "postgres", kind: "healthy", probe: "postgres", target: "postgresql://postgres:pw@postgres:5432/ecommercedb" },
        { service: "auth-api", kind: "started", probe: "http", target: "http://auth-api:8080/health" },
      ]),
    );
    expect(targets.map((t) => `${t.service}:${t.kind}:${t.probe}`)).toEqual(["postgres:healthy:postgres", "auth-api:started:http"]);
  });

  it.each([
    ["{", /BOSUN_WAIT_FOR is not valid JSON/],
    ['{"service":"x"}', /must be a JSON array/],
    ['[{"kind":"healthy"}]', /BOSUN_WAIT_FOR\[0\] has no service name/],
    ['[{"service":"db","kind":"ready","probe":"tcp","target":"db:1"}]', /\(db\) has kind "ready"; expected "healthy" or "started"/],
    ['[{"service":"db","kind":"healthy","probe":"mysql","target":"db:1"}]', /\(db\) has probe "mysql"; expected one of postgres, redis, amqp, http, tcp/],
  ])("rejects %s saying what is wrong", (text, message) => {
    expect(() => parseWaitTargets(text)).toThrow(message);
  });
});

describe("addressOf and describeTarget", () => {
  const target = (probe: "postgres" | "redis" | "amqp" | "http" | "tcp", text: string) => ({ service: "s", kind: "healthy" as const, probe, target: text });

  it("finds host and port in connection strings, URLs and host:port, with each protocol's default port", () => {
    expect(addressOf(target("postgres", "postgresql://u:p@postgres/db"))).toEqual({ host: "postgres", port: 5432 });
    expect(addressOf(target("redis", "redis://:p@cache:6380"))).toEqual({ host: "cache", port: 6380 });
    expect(addressOf(target("amqp", "amqp://guest:guest@messaging"))).toEqual({ host: "messaging", port: 5672 });
    expect(addressOf(target("tcp", "db:1433"))).toEqual({ host: "db", port: 1433 });
    expect(() => addressOf(target("tcp", "db"))).toThrow("the tcp target of 's' names no host and port");
  });

  it("never shows credentials in messages", () => {
    expect(describeTarget(target("postgres", "postgresql://postgres:hunter2@postgres:5432/db"))).toBe("postgres://postgres:5432");
    expect(describeTarget(target("http", "http://user:hunter2@api:8080/health"))).toBe("http://api:8080/health");
  });
});
