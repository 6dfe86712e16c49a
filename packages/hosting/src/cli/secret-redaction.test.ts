import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const FIXTURE = fileURLToPath(new URL("./fixtures/secret-apphost.ts", import.meta.url));
const SECRET = 's3cr3t/"pa ss"+é&x';

/** The secret in each form the fixture's service and AppHost print it. */
const FORMS = {
  raw: SECRET,
  percentEncoded: encodeURIComponent(SECRET),
  base64: Buffer.from(SECRET).toString("base64"),
  basicAuth: Buffer.from(`app:${SECRET}`).toString("base64"),
  jsonEscaped: JSON.stringify(SECRET).slice(1, -1),
};

interface Ended {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the fixture until its service has failed and the AppHost has printed its summary (it listens
 * for Ctrl-C by then), then stops it with Ctrl-C; the AppHost then throws.
 */
function runUntilServiceFailed(): Promise<Ended> {
  const secretsDir = mkdtempSync(path.join(os.tmpdir(), "bosun-secret-redaction-"));
  const child = spawn(process.execPath, ["--conditions=bosun-source", "--import", "tsx", FIXTURE], {
    cwd: path.dirname(FIXTURE),
    env: { ...process.env, "Parameters__api-token": SECRET, BOSUN_SECRETS_DIR: secretsDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let interrupted = false;
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (!interrupted && /leaky\s+Exited/.test(stdout) && stdout.includes("press Ctrl-C to stop")) {
      interrupted = true;
      child.kill("SIGINT");
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

describe("secrets in what an AppHost prints", () => {
  it("are masked in every form a service prints them, in its failure and in the AppHost's uncaught error", { timeout: 90_000 }, async () => {
    const { code, stdout, stderr } = await runUntilServiceFailed();
    const output = `${stdout}\n${stderr}`;
    for (const [form, text] of Object.entries(FORMS)) expect({ form, leaked: output.includes(text) }).toEqual({ form, leaked: false });
    for (const line of ["raw: ***", "uri: amqp://app:***@localhost:5672", "base64: ***", "basic: Authorization: Basic ***", 'json: {"level":"info","config":{"token":"***"}}', "printed every form"]) {
      expect(stdout).toContain(line);
    }
    expect(stdout).toContain("Error: could not connect to postgres://app:***@db/app with ***");
    expect(stderr).toContain("Error: cleanup failed, token ***");
    expect(code).toBe(1);
  });
});
