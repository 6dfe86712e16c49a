import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EngineUnreachableError } from "../errors/bosun-error.js";
import { connectEngine } from "./connect-engine.js";

describe("connectEngine", () => {
  it("names every place it tried and what each said when no engine answers", async () => {
    const missingSocket = join(mkdtempSync(join(tmpdir(), "bosun-sock-")), "docker.sock");
    const attempt = connectEngine({
      candidates: [
        { description: `DOCKER_HOST=unix://${missingSocket}`, endpoint: { kind: "unix", socketPath: missingSocket } },
        { description: "docker context 'gone'", problem: "cannot read meta.json: ENOENT" },
        { description: "DOCKER_HOST=tcp://127.0.0.1:1", endpoint: { kind: "tcp", host: "127.0.0.1", port: 1 } },
      ],
    });
    await expect(attempt).rejects.toBeInstanceOf(EngineUnreachableError);
    await expect(attempt).rejects.toThrow(
      `no Docker engine reachable: tried DOCKER_HOST=unix://${missingSocket} (ENOENT), ` +
        "docker context 'gone' (cannot read meta.json: ENOENT), DOCKER_HOST=tcp://127.0.0.1:1 (ECONNREFUSED); " +
        "start Docker or set DOCKER_HOST",
    );
  });

  it("gives up on a candidate that accepts the connection but never answers", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const attempt = connectEngine({
        pingTimeoutMs: 200,
        candidates: [{ description: `DOCKER_HOST=tcp://127.0.0.1:${port}`, endpoint: { kind: "tcp", host: "127.0.0.1", port } }],
      });
      await expect(attempt).rejects.toThrow(`tried DOCKER_HOST=tcp://127.0.0.1:${port} (no answer within 200 ms)`);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.close();
    }
  });
});
