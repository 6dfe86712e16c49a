/**
 * Testcontainers settings that bosun's test apps need on machines without a registry: the Ryuk
 * reaper image cannot be pulled (bosun reaps ended sessions by their labels instead), and without a
 * host override Testcontainers pulls `alpine` to find the engine's gateway.
 */
export const TESTCONTAINERS_DEFAULTS: Readonly<Record<string, string>> = {
  TESTCONTAINERS_RYUK_DISABLED: "true",
  TESTCONTAINERS_HOST_OVERRIDE: "localhost",
};

/**
 * Sets each default the user has not set. Testcontainers reads these from `process.env` when it
 * first connects, so this must run before any container starts; a value already set always wins.
 * @example applyTestcontainersDefaults(process.env)
 */
export function applyTestcontainersDefaults(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(TESTCONTAINERS_DEFAULTS)) {
    if (env[name] === undefined || env[name] === "") env[name] = value;
  }
}
