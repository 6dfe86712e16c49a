import { ServiceDefaultsError } from "../errors/service-defaults-error.js";

/** Where service-defaults reads configuration; defaults to `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The variable bosun (like .NET Aspire) injects for a reference named `name`. */
export function connectionStringVariable(name: string): string {
  return `ConnectionStrings__${name}`;
}

/**
 * The connection string the AppHost injected for `name` (`ConnectionStrings__<name>`), as given.
 * Throws a configuration error naming the variable when it is missing or empty.
 * @example const raw = connectionString("ecommercedb");
 */
export function connectionString(name: string, env: Environment = process.env): string {
  const variable = connectionStringVariable(name);
  const value = env[variable]?.trim();
  if (value === undefined || value === "") {
    throw new ServiceDefaultsError(
      `${variable} is not set; reference '${name}' from the AppHost (.withReference(${name})) ` +
        `or set ${variable} to a connection string`,
      { code: "CONFIGURATION" },
    );
  }
  return value;
}

/** A malformed-connection-string error. `problem` must never contain the password. */
export function malformed(variable: string, problem: string): ServiceDefaultsError {
  return new ServiceDefaultsError(`${variable} is malformed: ${problem}`, { code: "CONFIGURATION" });
}
