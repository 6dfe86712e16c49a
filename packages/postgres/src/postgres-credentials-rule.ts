import { environmentOf, type EnvironmentValue, type ParameterResource } from "@bosun/hosting";
import type { PostgresServerResource } from "./postgres-server-resource.js";

/** Variables through which the image would take credentials from a file instead. */
const FILE_VARIABLES = ["POSTGRES_USER_FILE", "POSTGRES_PASSWORD_FILE", "POSTGRES_DB_FILE"];

/**
 * One truth for credentials: the server's user, password and first database come from
 * `addPostgres(name, { userName, password })` and `.addDatabase(…)`, which also give every
 * connection string, probe and publisher their values. A POSTGRES_USER / POSTGRES_PASSWORD /
 * POSTGRES_DB set by hand to anything else would give the server other credentials than all of
 * those, so it is reported at build with the option to use instead.
 */
export function handSetCredentials(server: PostgresServerResource): string[] {
  const env = environmentOf(server, "container");
  const name = server.name;
  const problems: string[] = [];
  const own = (variable: string, expected: EnvironmentValue, fix: string) => {
    if (env.has(variable) && env.get(variable) !== expected) {
      problems.push(`resource '${name}' sets ${variable} by hand, but its connection strings, probes and publishers would not use it; ${fix}`);
    }
  };
  own("POSTGRES_PASSWORD", server.password, `pass it as an option instead: builder.addPostgres("${name}", { password: builder.addParameter("${name}-password", { secret: true }) })`);
  own("POSTGRES_USER", server.userName, `pass it as an option instead: builder.addPostgres("${name}", { userName: builder.addParameter("${name}-user") })`);
  const database = env.get("POSTGRES_DB");
  if (database !== undefined && ![...server.databases.values()].includes(database as string)) {
    problems.push(`resource '${name}' sets POSTGRES_DB by hand to ${describe(database)}, which no database of the model names; add it with .addDatabase(…) instead (the first database is handed to the image as POSTGRES_DB)`);
  }
  for (const variable of FILE_VARIABLES.filter((v) => env.has(v))) {
    problems.push(`resource '${name}' sets ${variable} by hand, which would give the server other credentials than its connection strings; remove it and use builder.addPostgres("${name}", { userName, password }) and .addDatabase(…)`);
  }
  return problems;
}

function describe(value: EnvironmentValue): string {
  if (typeof value === "string") return `'${value}'`;
  return (value as Partial<ParameterResource>).name !== undefined ? `parameter '${(value as ParameterResource).name}'` : "a computed value";
}
