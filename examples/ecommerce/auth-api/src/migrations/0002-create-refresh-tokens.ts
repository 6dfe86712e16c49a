import type { Migration } from "./migration.js";

/** Refresh tokens, stored as the SHA-256 of the token (a leaked table yields no usable token). */
export const createRefreshTokens: Migration = {
  name: "0002_create_refresh_tokens",
  up: () => `
    CREATE TABLE auth."RefreshTokens" (
      "Id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "Token" text NOT NULL,
      "UserId" text NOT NULL REFERENCES auth."AspNetUsers" ("Id") ON DELETE CASCADE,
      "ExpiryDate" timestamptz NOT NULL,
      "IsRevoked" boolean NOT NULL DEFAULT false,
      "CreatedAt" timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX "IX_RefreshTokens_Token" ON auth."RefreshTokens" ("Token");
    CREATE INDEX "IX_RefreshTokens_UserId" ON auth."RefreshTokens" ("UserId");`,
  down: () => `DROP TABLE auth."RefreshTokens";`,
};
