import type { Migration } from "./migration.js";

/**
 * The ASP.NET Identity user table. One deviation: "EmailIndex" is unique, so two registrations with one
 * e-mail address cannot race past a check in code (Identity enforces RequireUniqueEmail in code only).
 */
export const createAspNetUsers: Migration = {
  name: "0001_create_aspnet_users",
  up: () => `
    CREATE TABLE auth."AspNetUsers" (
      "Id" text PRIMARY KEY,
      "UserName" varchar(256),
      "NormalizedUserName" varchar(256),
      "Email" varchar(256),
      "NormalizedEmail" varchar(256),
      "EmailConfirmed" boolean NOT NULL DEFAULT false,
      "PasswordHash" text,
      "SecurityStamp" text,
      "ConcurrencyStamp" text,
      "PhoneNumber" text,
      "PhoneNumberConfirmed" boolean NOT NULL DEFAULT false,
      "TwoFactorEnabled" boolean NOT NULL DEFAULT false,
      "LockoutEnd" timestamptz,
      "LockoutEnabled" boolean NOT NULL DEFAULT true,
      "AccessFailedCount" integer NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX "UserNameIndex" ON auth."AspNetUsers" ("NormalizedUserName");
    CREATE UNIQUE INDEX "EmailIndex" ON auth."AspNetUsers" ("NormalizedEmail");`,
  down: () => `DROP TABLE auth."AspNetUsers";`,
};
