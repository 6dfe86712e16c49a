import path from "node:path";

/** Whether Node needs tsx to load this script. */
export function isTypeScriptFile(file: string): boolean {
  return /\.[cm]?tsx?$/.test(file);
}

/**
 * How the user started this AppHost, for usage lines: `npx tsx apphost/index.ts` for a TypeScript
 * script, `node dist/apphost.js` for a compiled one; the path relative to the working directory.
 */
export function appHostInvocation(script: string | undefined = process.argv[1], cwd: string = process.cwd()): string {
  if (!script) return "node <apphost>";
  const relative = path.relative(cwd, script) || script;
  const shown = /\s/.test(relative) ? JSON.stringify(relative) : relative;
  return `${isTypeScriptFile(script) ? "npx tsx" : "node"} ${shown}`;
}
