// Schema migrations as the owner. The AppHost runs this as the job `auth-api-migrate` before auth-api
// starts (command from AUTH_MIGRATIONS, default `up`); by hand, with the owner's connection string:
//   npm run migrate                      apply everything pending
//   npm run migrate:down -- <migration>  roll back everything after <migration> (0: everything)
//   npm run migrate:list                 show each migration and when it was applied
import { createLogger, createPgPool, pgPoolConfig } from "@bosun/service-defaults";
import { DATABASE, readAppRole } from "./config.js";
import { migrationContext, syncAppRolePassword } from "./migrations/app-role.js";
import { MIGRATIONS } from "./migrations/index.js";
import { Migrator } from "./migrations/migrator.js";

const given = process.argv.slice(2);
const [command, target] = given.length > 0 ? given : (process.env.AUTH_MIGRATIONS || "up").trim().split(/\s+/);
const logger = createLogger({ serviceName: "auth-api-migrate" });
let owner: ReturnType<typeof createPgPool> | undefined;

try {
  const appRole = readAppRole(process.env, command === "up");
  owner = createPgPool(DATABASE, { logger, config: { max: 1 } });
  const context = migrationContext(pgPoolConfig(DATABASE).database!, appRole);
  const migrator = new Migrator(owner.pool, MIGRATIONS, context, logger);
  if (command === "up") {
    console.log(`applied: ${(await migrator.up()).join(", ") || "nothing (up to date)"}`);
    // The role's password is the AppHost's parameter; setting it at every run makes a changed one take effect.
    await syncAppRolePassword(owner.pool, context);
  } else if (command === "down" && target !== undefined) {
    console.log(`rolled back: ${(await migrator.down(target)).join(", ") || `nothing (already at ${target})`}`);
  } else if (command === "list") {
    for (const { name, appliedAt } of await migrator.list()) console.log(`${appliedAt ? appliedAt.toISOString() : "pending".padEnd(24)}  ${name}`);
  } else {
    console.error("usage: migrate.ts up | down <migration name or 0> | list (or AUTH_MIGRATIONS='down <migration>')");
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`auth-api migrations failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await owner?.end();
}
