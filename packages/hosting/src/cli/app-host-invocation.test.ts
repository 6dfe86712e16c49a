import { describe, expect, it } from "vitest";
import { appHostInvocation } from "./app-host-invocation.js";

describe("appHostInvocation", () => {
  it("names a TypeScript AppHost as tsx runs it, relative to the working directory", () => {
    expect(appHostInvocation("/work/shop/apphost/index.ts", "/work/shop")).toBe("npx tsx apphost/index.ts");
    expect(appHostInvocation("/work/shop/apphost/main.mts", "/work/shop/apphost")).toBe("npx tsx main.mts");
  });

  it("names a compiled AppHost as node runs it, and a path outside the working directory relative to it", () => {
    expect(appHostInvocation("/work/shop/dist/apphost.js", "/work/shop")).toBe("node dist/apphost.js");
    expect(appHostInvocation("/work/shop/apphost/index.ts", "/work/other")).toBe("npx tsx ../shop/apphost/index.ts");
  });

  it("quotes a path with spaces so the usage line can be pasted", () => {
    expect(appHostInvocation("/work/my shop/apphost.ts", "/work")).toBe('npx tsx "my shop/apphost.ts"');
  });
});
