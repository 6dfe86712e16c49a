/** The images the PostgreSQL integration runs (the official ones, as .NET Aspire pins them). */
export const POSTGRES_REGISTRY = "docker.io";
export const POSTGRES_IMAGE = "library/postgres";
export const POSTGRES_TAG = "17.6";

export const PGADMIN_REGISTRY = "docker.io";
export const PGADMIN_IMAGE = "dpage/pgadmin4";
export const PGADMIN_TAG = "9.9";

export const POSTGRES_PORT = 5432;
export const POSTGRES_DATA_PATH = "/var/lib/postgresql/data";
export const POSTGRES_INIT_PATH = "/docker-entrypoint-initdb.d";
export const POSTGRES_DEFAULT_USER = "postgres";
export const PGADMIN_PORT = 80;
