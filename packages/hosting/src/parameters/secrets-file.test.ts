import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSecrets, writeSecrets } from "./secrets-file.js";

const modeOf = (file: string) => statSync(file).mode & 0o777;

function secretsFolder(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), "bosun-secrets-file-")), "secrets");
}

describe("the secrets file", () => {
  it("is written 0600 in a folder it creates 0700", async () => {
    const file = path.join(secretsFolder(), "app-1234abcd.json");
    await writeSecrets(file, { "db-password": "generated-value" });
    expect({ folder: modeOf(path.dirname(file)), file: modeOf(file) }).toEqual({ folder: 0o700, file: 0o600 });
    expect(await readSecrets(file)).toEqual({ "db-password": "generated-value" });
  });

  it("makes an existing folder 0700 when it writes, whatever its mode was", async () => {
    const folder = secretsFolder();
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const file = path.join(folder, "app-1234abcd.json");
    await writeSecrets(file, { "db-password": "generated-value" });
    expect({ folder: modeOf(folder), file: modeOf(file) }).toEqual({ folder: 0o700, file: 0o600 });
  });

  it("makes an existing file 0600 and its folder 0700 when it reads them", async () => {
    const folder = secretsFolder();
    mkdirSync(folder, { mode: 0o777 });
    chmodSync(folder, 0o777);
    const file = path.join(folder, "app-1234abcd.json");
    writeFileSync(file, '{"db-password":"kept-value"}\n', { mode: 0o644 });
    chmodSync(file, 0o644);
    expect(await readSecrets(file)).toEqual({ "db-password": "kept-value" });
    expect({ folder: modeOf(folder), file: modeOf(file) }).toEqual({ folder: 0o700, file: 0o600 });
  });

  it("reads a missing file as empty", async () => {
    expect(await readSecrets(path.join(secretsFolder(), "missing.json"))).toEqual({});
  });
});
