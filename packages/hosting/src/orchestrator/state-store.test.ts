import { describe, expect, it } from "vitest";
import { StateStore } from "./state-store.js";

describe("StateStore.when", () => {
  it("resolves on the first matching change", async () => {
    const store = new StateStore(["db"]);
    const running = store.when("db", (s) => (s.state === "Running" ? s.state : undefined));
    store.update("db", { state: "Starting" });
    store.update("db", { state: "Running" });
    await expect(running).resolves.toBe("Running");
  });

  it("stops listening once its signal aborts, so a decided wait leaves no listener behind", async () => {
    const store = new StateStore(["db"]);
    const abort = new AbortController();
    let calls = 0;
    const never = store.when("db", () => (calls++, undefined), abort.signal);
    expect(calls).toBe(1);
    store.update("db", { state: "Starting" });
    expect(calls).toBe(2);
    abort.abort();
    store.update("db", { state: "Running" });
    expect(calls).toBe(2);
    const marker = Symbol();
    expect(await Promise.race([never, Promise.resolve(marker)])).toBe(marker);
  });
});
