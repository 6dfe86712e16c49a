export { postgres, addPostgres, type PostgresOptions } from "./add-postgres.js";
export { PostgresServerBuilder } from "./postgres-server-builder.js";
export { PgAdminResource } from "./pgadmin.js";
export { PostgresServerResource } from "./postgres-server-resource.js";
export { PostgresDatabaseResource } from "./postgres-database-resource.js";
export { PostgresDatabaseBuilder } from "./postgres-database-builder.js";
export type { PostgresConnectionStringOptions } from "./postgres-connection-options.js";
export { probePostgres, createDatabaseIfMissing } from "./postgres-probes.js";
export {
  POSTGRES_REGISTRY,
  POSTGRES_IMAGE,
  POSTGRES_TAG,
  POSTGRES_PORT,
  POSTGRES_DATA_PATH,
  PGADMIN_REGISTRY,
  PGADMIN_IMAGE,
  PGADMIN_TAG,
} from "./postgres-images.js";
