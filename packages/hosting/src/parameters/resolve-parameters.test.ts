import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BosunError } from "../errors/bosun-error.js";
import { ParameterResource } from "../model/parameter-resource.js";
import { resolveParameters } from "./resolve-parameters.js";

const appHost = { directory: "/apps/shop", name: "shop", id: "1234abcd" };

function environment(values: Record<string, string>): NodeJS.ProcessEnv {
  return { BOSUN_SECRETS_DIR: mkdtempSync(path.join(os.tmpdir(), "bosun-resolve-")), ...values };
}

describe("resolveParameters", () => {
  it("refuses a secret shorter than 4 characters, naming the parameter and the fix", async () => {
    const key = new ParameterResource("api-key", { secret: true });
    const pin = new ParameterResource("pin", { secret: true, value: "12" });
    const error = await resolveParameters([key, pin], appHost, environment({ "Parameters__api-key": "zq7" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BosunError);
    expect(error).toMatchObject({ code: "CONFIGURATION" });
    const message = (error as BosunError).message;
    expect(message).toContain("secret parameters too short to be masked in output");
    expect(message).toContain("'api-key': give it a value of at least 4 characters in Parameters__api-key");
    expect(message).toContain("'pin': give it a value of at least 4 characters in Parameters__pin");
    expect(message).toContain("declare it without { secret: true }");
    expect(message).not.toContain("zq7");
  });

  it("accepts a secret of 4 characters and a short value that is not secret", async () => {
    const key = new ParameterResource("api-key", { secret: true });
    const region = new ParameterResource("region", { value: "eu" });
    const { values } = await resolveParameters([key, region], appHost, environment({ "Parameters__api-key": "abcd" }));
    expect([values.get(key), values.get(region)]).toEqual(["abcd", "eu"]);
  });
});
