import { createAspNetUsers } from "./0001-create-aspnet-users.js";
import { createRefreshTokens } from "./0002-create-refresh-tokens.js";
import { createAppRole } from "./0003-create-app-role.js";
import type { Migration } from "./migration.js";

/** Every migration, oldest first. Append only: an applied migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [createAspNetUsers, createRefreshTokens, createAppRole];
