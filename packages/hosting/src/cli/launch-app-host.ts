import path from "node:path";
import { pathToFileURL } from "node:url";
import { isTypeScriptFile } from "./app-host-invocation.js";

/**
 * Loads an AppHost script in this process as if Node had been started with it: `process.argv[1]` is
 * the script (the AppHost takes its folder, name and secrets file from it) and the arguments after it
 * are `argv`, which its own `builder.build().run()` parses. A TypeScript script is loaded through tsx.
 */
export async function launchAppHost(script: string, argv: readonly string[]): Promise<void> {
  const file = path.resolve(script);
  if (isTypeScriptFile(file)) {
    const { register } = await import("tsx/esm/api");
    register();
  }
  process.argv.splice(1, process.argv.length - 1, file, ...argv);
  await import(pathToFileURL(file).href);
}
