import { describe, expect, it } from "vitest";
import { migrationContext } from "./app-role.js";
import { MIGRATIONS } from "./index.js";

describe("MIGRATIONS", () => {
  it("are uniquely named in ascending order", () => {
    const names = MIGRATIONS.map((migration) => migration.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(["0001_create_aspnet_users", "0002_create_refresh_tokens", "0003_create_app_role"]);
  });

  it("give the app role row access only, with the password as a quoted literal", () => {
    const sql = MIGRATIONS[2]!.up(migrationContext("ecommercedb", { name: "auth_app", password: "it's secret" }));
    expect(sql).toContain(`PASSWORD 'it''s secret'`);
    expect(sql).toContain(`GRANT SELECT, INSERT, UPDATE, DELETE ON auth."AspNetUsers", auth."RefreshTokens" TO "auth_app"`);
    expect(sql).toContain(`GRANT USAGE ON SCHEMA auth TO "auth_app"`);
    expect(sql).toContain(`REVOKE TEMPORARY ON DATABASE "ecommercedb" FROM PUBLIC`);
    expect(sql).not.toMatch(/GRANT (ALL|CREATE)/);
  });

  it("undo what they do", () => {
    const context = migrationContext("ecommercedb", { name: "auth_app", password: "x" });
    expect(MIGRATIONS.map((migration) => migration.down(context).trim().split("\n").at(-1)!.trim())).toEqual([
      `DROP TABLE auth."AspNetUsers";`,
      `DROP TABLE auth."RefreshTokens";`,
      `DROP ROLE "auth_app";`,
    ]);
  });
});
