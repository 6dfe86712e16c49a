import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger.js";

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join("").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("names the service on every line", () => {
    const out = capture();
    createLogger({ serviceName: "auth-api", destination: out.stream, env: {} }).info("started");
    expect(out.lines()[0]).toMatchObject({ name: "auth-api", msg: "started", level: 30 });
  });

  it("redacts passwords, tokens, cookies and authorization headers at any of the first three levels", () => {
    const out = capture();
    const logger = createLogger({ serviceName: "auth-api", destination: out.stream, env: {} });
    logger.info(
      {
        password: "hunter2",
        body: { userName: "ada", password: "hunter2", refreshToken: "r-123" },
        req: { headers: { authorization: "Bearer eyJ.abc", cookie: "sid=1", host: "api" } },
        res: { headers: { "set-cookie": "sid=2" } },
        token: "t-1",
        accessToken: "a-1",
      },
      "login",
    );
    const [line] = out.lines();
    expect(JSON.stringify(line)).not.toMatch(/hunter2|r-123|eyJ|sid=|t-1|a-1/);
    expect(line).toMatchObject({
      password: "[redacted]",
      body: { userName: "ada", password: "[redacted]", refreshToken: "[redacted]" },
      req: { headers: { authorization: "[redacted]", cookie: "[redacted]", host: "api" } },
      res: { headers: { "set-cookie": "[redacted]" } },
    });
  });

  it("takes its level from LOG_LEVEL", () => {
    const out = capture();
    const logger = createLogger({ serviceName: "gateway", destination: out.stream, env: { LOG_LEVEL: "warn" } });
    logger.info("hidden");
    logger.warn("shown");
    expect(out.lines().map((line) => line.msg)).toEqual(["shown"]);
  });

  it("also writes redacted lines to a dated file when a file is given", async () => {
    const folder = await mkdtemp(join(tmpdir(), "bosun-logs-"));
    try {
      const logger = createLogger({ serviceName: "auth-api", file: join(folder, "auth-api"), env: {} });
      logger.info({ password: "hunter2" }, "to the file");
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
      const deadline = Date.now() + 5_000;
      let files: string[] = [];
      while (Date.now() < deadline && files.length === 0) {
        files = (await readdir(folder)).filter((file) => file.endsWith(".log"));
        if (files.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(files).toEqual([expect.stringMatching(/^auth-api\.\d{4}-\d{2}-\d{2}\.1\.log$/)]);
      let content = "";
      while (Date.now() < deadline && !content.includes("to the file")) content = await readFile(join(folder, files[0]!), "utf8");
      expect(content).toContain('"password":"[redacted]"');
      expect(content).not.toContain("hunter2");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
