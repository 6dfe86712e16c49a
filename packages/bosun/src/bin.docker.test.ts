import { appKeyOf, connectEngine, describeAppHost } from "@bosun/hosting/runtime";
import { beforeAll, expect, it } from "vitest";
import { bosun, buildPackages, FIXTURE_DIR } from "./testing-support/run-bin.js";

beforeAll(buildPackages, 180_000);

it("runs down in the AppHost it loads, passing --volumes through: the AppHost's labelled volume goes only then", async () => {
  const engine = await connectEngine();
  // The label down looks for: the AppHost's name and the id of its folder, which bosun takes from process.argv[1].
  const appKey = appKeyOf(describeAppHost(FIXTURE_DIR, "bin-fixture"));
  const volume = `bosun-bin-test-${process.pid}`;
  await engine.volumes.create({ name: volume, labels: { "bosun.app": appKey } });
  try {
    const kept = await bosun("down", "bin-apphost.ts");
    expect(kept).toEqual({ code: 0, stdout: "removed 0 container(s), 0 network(s), 0 volume(s) of 'bin-fixture'\n", stderr: "" });
    expect(await engine.volumes.inspect(volume)).toBeDefined();

    const removed = await bosun("down", "bin-apphost.ts", "--volumes");
    expect(removed).toEqual({ code: 0, stdout: "removed 0 container(s), 0 network(s), 1 volume(s) of 'bin-fixture'\n", stderr: "" });
    expect(await engine.volumes.inspect(volume)).toBeUndefined();
  } finally {
    await engine.volumes.remove(volume);
  }
});
