/** Names the variables whose values hold `${VARIABLE}` placeholders for Swarm secrets (CONTRACT.md). */
export const SECRET_TEMPLATES_VARIABLE = "BOSUN_SECRET_TEMPLATES";
/** Where Swarm mounts a service's secrets. */
export const SECRETS_DIRECTORY = "/run/secrets";

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Fills the templates listed in `BOSUN_SECRET_TEMPLATES`: every `${VARIABLE}` in those values becomes
 * the content of the secret file `VARIABLE` (one trailing newline dropped). Returns the variables to
 * change; throws naming the variable and the missing secret.
 * @example expandSecretTemplates({ BOSUN_SECRET_TEMPLATES: "DB", DB: "pg://u:${PW}@db" }, read) // { DB: "pg://u:s3cret@db" }
 */
export function expandSecretTemplates(
  env: Readonly<Record<string, string | undefined>>,
  readSecret: (variable: string) => string | undefined,
  directory: string = SECRETS_DIRECTORY,
): Record<string, string> {
  const names = (env[SECRET_TEMPLATES_VARIABLE] ?? "").split(",").map((name) => name.trim()).filter((name) => name !== "");
  const expanded: Record<string, string> = {};
  for (const name of names) {
    const template = env[name];
    if (template === undefined) continue;
    expanded[name] = template.replace(PLACEHOLDER, (_, variable: string) => {
      const value = readSecret(variable);
      if (value === undefined) {
        throw new Error(
          `${name} needs the secret ${variable}, but ${directory}/${variable} does not exist; ` +
            `add '${variable}' to the service's secrets in the stack file (or set ${name} without placeholders)`,
        );
      }
      return value.replace(/\r?\n$/, "");
    });
  }
  return expanded;
}
