import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { BosunError } from "./bosun-error.js";
import { redactError } from "./redact-error.js";
import { Redactor } from "./redactor.js";

const SECRET = "Zx8kQ2mP9vL4tR7w";

describe("redactError", () => {
  const redactor = new Redactor();
  redactor.add([SECRET]);

  it("masks the message, stack, string properties, cause and inner errors, in place", () => {
    const inner = new Error(`auth failed for amqp://app:${SECRET}@broker`);
    const error = new AggregateError([inner], `could not connect with ${SECRET}`, { cause: new Error(`cause ${SECRET}`) });
    Object.assign(error, { detail: { connectionString: `redis://:${SECRET}@cache` } });
    expect(redactError(error, redactor)).toBe(error);
    const printed = inspect(error, { depth: 6 });
    expect(printed).not.toContain(SECRET);
    expect(error.message).toBe("could not connect with ***");
    expect(inner.stack).toContain("auth failed for amqp://app:***@broker");
    expect(printed).toContain("redis://:***@cache");
  });

  it("masks a bosun error's message as the command line prints it", () => {
    const error = new BosunError(`resource 'db': health check failed: postgres://app:${encodeURIComponent(SECRET)}@localhost`, { code: "HEALTH_TIMEOUT" });
    expect(redactError(error, redactor).message).toBe("resource 'db': health check failed: postgres://app:***@localhost");
  });

  it("leaves values that are not objects alone", () => {
    expect(redactError(`text ${SECRET}`, redactor)).toBe(`text ${SECRET}`);
    expect(redactError(undefined, redactor)).toBeUndefined();
  });
});
