// The entrypoint of the images bosun generates for node and npm apps (bundled into one file by
// publish/images): fill secret templates, wait for dependencies, then run the image's command.
//   ENTRYPOINT ["node", "/usr/local/lib/bosun/entrypoint.mjs"]  CMD ["node", "src/index.js"]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expandSecretTemplates, SECRETS_DIRECTORY } from "./secret-templates.js";
import { startApp } from "./start-app.js";
import { waitForDependencies } from "./wait-for-dependencies.js";
import { parseWaitTargets, WAIT_FOR_VARIABLE } from "./wait-targets.js";

const PREFIX = "bosun-entrypoint:";
const DEFAULT_WAIT_TIMEOUT_S = 300;

/** Where the secrets are: Swarm's folder, or BOSUN_SECRETS_DIR (e.g. a bind mount under plain docker run). */
const secretsDirectory = process.env.BOSUN_SECRETS_DIR || SECRETS_DIRECTORY;

function readSecret(variable: string): string | undefined {
  const path = join(secretsDirectory, variable);
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new Error(`cannot read the secret ${path} (${code}); the app runs as uid ${process.getuid?.()}, so the file must be readable by it`);
  }
}

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...expandSecretTemplates(process.env, readSecret, secretsDirectory) };
  const targets = parseWaitTargets(env[WAIT_FOR_VARIABLE]);
  if (targets.length > 0) {
    const timeoutSeconds = Number(env.BOSUN_WAIT_TIMEOUT) || DEFAULT_WAIT_TIMEOUT_S;
    console.log(`${PREFIX} waiting for ${targets.map((target) => target.service).join(", ")}`);
    await waitForDependencies(targets, {
      deadlineMs: timeoutSeconds * 1000,
      attemptTimeoutMs: 2_000,
      intervalMs: 250,
      log: (line) => console.log(`${PREFIX} ${line}`),
    });
  }
  return startApp(process.argv.slice(2), env);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`${PREFIX} ${error.message}`);
    process.exit(1);
  },
);
