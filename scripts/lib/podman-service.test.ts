import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTAINERS_CONF, writeContainersConf } from "./podman-service.js";

describe("writeContainersConf", () => {
  it("writes the drop-in that stops Podman raising rlimits and names runc, once", () => {
    const path = join(mkdtempSync(join(tmpdir(), "bosun-conf-")), "containers.conf.d", "bosun.conf");
    expect(writeContainersConf(path)).toBe(true);
    expect(readFileSync(path, "utf8")).toBe(CONTAINERS_CONF);
    expect(CONTAINERS_CONF).toMatch(/\[containers\]\ndefault_ulimits = \[\]/);
    expect(CONTAINERS_CONF).toContain('runtime = "runc"');
    expect(writeContainersConf(path)).toBe(false);
  });

  it("rewrites a drop-in that says something else", () => {
    const path = join(mkdtempSync(join(tmpdir(), "bosun-conf-")), "bosun.conf");
    writeFileSync(path, "[containers]\n");
    expect(writeContainersConf(path)).toBe(true);
    expect(readFileSync(path, "utf8")).toBe(CONTAINERS_CONF);
  });
});
