import { describe, expect, it } from "vitest";
import { hrefOf, parseRoute } from "./router.js";

describe("the dashboard's routes", () => {
  it("hold resource names, so a URL stays valid across runs of the AppHost", () => {
    expect(parseRoute("#/logs/auth-api")).toEqual({ page: "logs", name: "auth-api" });
    expect(parseRoute("#/resource/cache")).toEqual({ page: "resource", name: "cache" });
    expect(parseRoute("#/logs")).toEqual({ page: "logs" });
    expect(parseRoute("")).toEqual({ page: "resources" });
    expect(parseRoute("#/nothing-here")).toEqual({ page: "resources" });
  });

  it("round-trips names that need escaping", () => {
    const route = { page: "logs", name: "my app/1" } as const;
    expect(hrefOf(route)).toBe("#/logs/my%20app%2F1");
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
