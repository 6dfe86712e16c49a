// Schema migrations by hand, as the owner:
//   npm run migrate                      apply everything pending
//   npm run migrate:down -- <migration>  roll back everything after <migration> (0: everything)
//   npm run migrate:list                 show each migration and when it was applied
import { createLogger, createPgPool, pgPoolConfig } from "@bosun/service-defaults";
import { DATABASE, readConfig } from "./config.js";
import { migrationContext } from "./migrations/app-role.js";
import { MIGRATIONS } from "./migrations/index.js";
import { Migrator } from "./migrations/migrator.js";

const [command, target] = process.argv.slice(2);
const logger = createLogger({ serviceName: "auth-api-migrate" });
const config = readConfig(process.env);
const owner = createPgPool(DATABASE, { logger, config: { max: 1 } });
const migrator = new Migrator(owner.pool, MIGRATIONS, migrationContext(pgPoolConfig(DATABASE).database!, config.appRole), logger);

try {
  if (command === "up") {
    console.log(`applied: ${(await migrator.up()).join(", ") || "nothing (up to date)"}`);
  } else if (command === "down" && target !== undefined) {
    console.log(`rolled back: ${(await migrator.down(target)).join(", ") || `nothing (already at ${target})`}`);
  } else if (command === "list") {
    for (const { name, appliedAt } of await migrator.list()) console.log(`${appliedAt ? appliedAt.toISOString() : "pending".padEnd(24)}  ${name}`);
  } else {
    console.error("usage: migrate.ts up | down <migration name or 0> | list");
    process.exitCode = 2;
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await owner.end();
}
