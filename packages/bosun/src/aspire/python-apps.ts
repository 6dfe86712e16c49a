import { existsSync } from "node:fs";
import path from "node:path";

/** Where Aspire looks for an app's virtual environment by default. */
export const VIRTUAL_ENVIRONMENT = ".venv";

/**
 * The command that runs an app's Python tool: the app's `.venv/bin/<tool>` when that virtual
 * environment exists, else `<fallback>` from PATH. bosun creates no virtual environment and
 * installs nothing.
 */
export function pythonCommand(appHostDirectory: string, appDirectory: string, tool: string, fallback: string = tool): string {
  const inVirtualEnvironment = path.resolve(appHostDirectory, appDirectory, VIRTUAL_ENVIRONMENT, "bin", tool);
  return existsSync(inVirtualEnvironment) ? inVirtualEnvironment : fallback;
}
