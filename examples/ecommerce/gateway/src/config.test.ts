import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";

describe("readConfig", () => {
  it("finds auth-api through services__auth-api__http__0 and listens on PORT", () => {
    const config = readConfig({ PORT: "5100", "services__auth-api__http__0": "http://localhost:5001" });
    expect(config.port).toBe(5100);
    expect(config.routes.map((route) => [route.publicPrefix, route.baseUrl.href, route.upstreamPrefix])).toEqual([["/api/auth", "http://localhost:5001/", "/auth"]]);
  });

  it("names the missing variable and the AppHost call that sets it", () => {
    expect(() => readConfig({ PORT: "5100" })).toThrowErrorMatchingInlineSnapshot(
      `[ServiceDefaultsError: services__auth-api__http__0 is not set; reference 'auth-api' from this service in the AppHost (.withReference(authApi)) or set services__auth-api__http__0 to its URL]`,
    );
  });
});
