import { describe, expect, it } from "vitest";
import { expandSecretTemplates } from "./secret-templates.js";

const secrets: Record<string, string> = { POSTGRES_PASSWORD: "pg-s3cret\n", CACHE_PASSWORD: "c4che" };
const read = (variable: string) => secrets[variable];

describe("expandSecretTemplates", () => {
  it("fills every placeholder of the listed variables from the secret files, without the trailing newline", () => {
    const env = {
      BOSUN_SECRET_TEMPLATES: "ConnectionStrings__db, ConnectionStrings__cache",
      ConnectionStrings__db: "postgresql://postgres:${POSTGRES_PASSWORD}@postgres:5432/db",
      ConnectionStrings__cache: "redis://:${CACHE_PASSWORD}@cache:6379?again=${CACHE_PASSWORD}",
    };
    expect(expandSecretTemplates(env, read)).toEqual({
      ConnectionStrings__db: "postgresql://postgres:pg-s3cret@postgres:5432/db",
      ConnectionStrings__cache: "redis://:c4che@cache:6379?again=c4che",
    });
  });

  it("leaves variables that are not listed alone, even when they look like templates", () => {
    expect(expandSecretTemplates({ BOSUN_SECRET_TEMPLATES: "", SHELLISH: "${POSTGRES_PASSWORD}" }, read)).toEqual({});
    expect(expandSecretTemplates({ SHELLISH: "${POSTGRES_PASSWORD}" }, read)).toEqual({});
  });

  it("names the variable and the missing secret file", () => {
    const env = { BOSUN_SECRET_TEMPLATES: "API_KEY_URL", API_KEY_URL: "https://x/?k=${API_KEY}" };
    expect(() => expandSecretTemplates(env, read)).toThrow(
      "API_KEY_URL needs the secret API_KEY, but /run/secrets/API_KEY does not exist; add 'API_KEY' to the service's secrets in the stack file (or set API_KEY_URL without placeholders)",
    );
  });
});
