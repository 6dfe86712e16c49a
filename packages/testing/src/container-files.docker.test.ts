import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { AppBuilder } from "bosun";
import { describe, expect, it } from "vitest";
import { startTestApp } from "./index.js";

const run = promisify(execFile);

describe("startTestApp with generated container files", () => {
  it("puts each rendered file in the container at its target, readable by any user", async () => {
    const withFile = (builder: AppBuilder) => {
      const cache = builder.addContainer("cache", "docker.io/library/redis:7").withEndpoint({ name: "tcp", targetPort: 6379 });
      cache.resource.addAnnotation({ type: "container-file", target: "/etc/bosun/where.txt", content: ({ resolve }) => `${resolve(cache.getEndpoint("tcp").host)}\n` });
    };
    await using app = await startTestApp(withFile);
    await expect.poll(() => app.resource("cache").state).toBe("Running");
    const { stdout: id } = await run("docker", ["ps", "-q", "--filter", "label=bosun.resource=cache", "--filter", `label=bosun.pid=${process.pid}`]);
    const { stdout } = await run("docker", ["exec", "-u", "65534", id.trim(), "cat", "/etc/bosun/where.txt"]);
    expect(stdout).toBe("cache\n");
  });
});
