import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { everyFeatureApp, referenceApp } from "./publish-models.js";

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function scratch(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-publish-"));
  folders.push(folder);
  return folder;
}

/** Every file under a folder, relative path → content. */
function readTree(root: string, dir = ""): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [file, content] of readTree(root, relative)) files.set(file, content);
    else files.set(relative, readFileSync(path.join(root, relative), "utf8"));
  }
  return files;
}

/** Distinct values for every parameter of the every-feature model, as a session of `run` would have. */
const SECRETS = {
  "Parameters__api-key": "ApiKey-4711-never-in-a-file",
  "Parameters__session-secret": "Session-0815-never-in-a-file",
  "Parameters__pg-password": "PgPassword-42-never-in-a-file",
  "Parameters__cache-password": "CachePassword-7-never-in-a-file",
  "Parameters__broker-password": "BrokerPassword-9-never-in-a-file",
  ConnectionStrings__crm: "https://crm-user:CrmSecret-1-never-in-a-file@crm.example",
};
const NOT_SECRET = { "Parameters__api-base": "https://api.example" };

describe("publish keeps secrets out of its files", () => {
  it.each(["compose", "swarm", "kubernetes"] as const)("writes no secret value of the session into any %s file unless asked to fill .env", async (target) => {
    const outputDir = scratch();
    const env = { ...SECRETS, ...NOT_SECRET, BOSUN_SECRETS_DIR: scratch() };
    await everyFeatureApp().publish({ target, outputDir, env });
    const files = readTree(outputDir);
    expect(files.size).toBeGreaterThan(5);
    for (const [file, content] of files) for (const secret of Object.values(SECRETS)) expect(content, `${file} holds a secret`).not.toContain(secret);
  });

  it("with --env-file puts them only in the git-ignored .env and secrets/, readable by the user only", async () => {
    const outputDir = scratch();
    const env = { ...SECRETS, ...NOT_SECRET, BOSUN_SECRETS_DIR: scratch() };
    await everyFeatureApp().publish({ target: "swarm", outputDir, env, envFile: true });
    const holding = [...readTree(outputDir)].filter(([, content]) => Object.values(SECRETS).some((s) => content.includes(s))).map(([file]) => file);
    expect(holding.sort()).toEqual([".env", ...["api-key", "broker-password", "cache-password", "crm", "pg-password", "session-secret"].map((s) => `secrets/${s}`)]);
    expect(readFileSync(path.join(outputDir, ".gitignore"), "utf8")).toMatch(/^\.env$[\s\S]*^secrets\/$/m);
    for (const file of holding) expect(statSync(path.join(outputDir, file)).mode & 0o777, file).toBe(0o600);
    expect(readFileSync(path.join(outputDir, "secrets/pg-password"), "utf8")).toBe(SECRETS["Parameters__pg-password"]);
  });
});

describe("publish --env-file", () => {
  it("adds missing values to .env and never changes a line that is there, even an empty one", async () => {
    const outputDir = scratch();
    writeFileSync(path.join(outputDir, ".env"), "# mine\nPG_PASSWORD=kept-as-is\nAPI_KEY=\n");
    const env = { ...SECRETS, BOSUN_SECRETS_DIR: scratch() };
    await everyFeatureApp().publish({ target: "compose", outputDir, env, envFile: true });
    const lines = readFileSync(path.join(outputDir, ".env"), "utf8").split("\n");
    expect(lines.slice(0, 3)).toEqual(["# mine", "PG_PASSWORD=kept-as-is", "API_KEY="]);
    expect(lines).toContain(`CACHE_PASSWORD=${SECRETS["Parameters__cache-password"]}`);
    expect(lines).toContain("COMPOSE_PROJECT_NAME=features");
    expect(lines).toContain("REGION=eu-west-1");
    expect(lines.some((l) => l.startsWith("API_BASE="))).toBe(false);
  });

  it("fills generated secrets with the value run uses, creating it in the AppHost's secrets file when missing", async () => {
    const outputDir = scratch();
    const secretsDir = scratch();
    await referenceApp().publish({ target: "compose", outputDir, env: { BOSUN_SECRETS_DIR: secretsDir }, envFile: true });
    const stored = JSON.parse(readFileSync(path.join(secretsDir, readdirSync(secretsDir)[0]!), "utf8")) as Record<string, string>;
    const envFile = readFileSync(path.join(outputDir, ".env"), "utf8");
    expect(stored["postgres-password"]).toHaveLength(22);
    expect(envFile).toContain(`POSTGRES_PASSWORD=${stored["postgres-password"]}`);
  });
});

describe("publishing twice", () => {
  it.each(["compose", "kubernetes"] as const)("gives byte-identical %s files", async (target) => {
    const [first, second] = [scratch(), scratch()];
    await everyFeatureApp().publish({ target, outputDir: first, env: {} });
    const before = readTree(first);
    await everyFeatureApp().publish({ target, outputDir: first, env: {} });
    await everyFeatureApp().publish({ target, outputDir: second, env: {} });
    expect(readTree(first)).toEqual(before);
    expect(readTree(second)).toEqual(before);
  });
});
