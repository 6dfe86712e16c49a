import type { AppSource } from "../publish-model.js";
import { readPackageJson } from "./package-json.js";

/** How the image starts the app, and what that needs besides the app's own dependencies. */
export interface AppCommand {
  /** The image's CMD (exec form). */
  readonly command: readonly string[];
  /** Packages the command loads that the app need not list (tsx for TypeScript). */
  readonly extraPackages: readonly string[];
  /** True when the command runs an npm script through `sh -c` (node_modules/.bin on PATH). */
  readonly npmScript: boolean;
}

const TYPESCRIPT = /\.[cm]?tsx?$/;
const USES_TSX = /(^|[\s=/])tsx(\s|$|\/)/;

/**
 * The command that runs the app in its image, as `run` starts it on the host: `node <script>`
 * (TypeScript through tsx's loader), or an npm script's command line run by `sh -c`.
 * @example appCommand({ directory: "/repo/api", script: "src/index.ts" }).command // ["node", "--import", "tsx", "src/index.ts"]
 */
export function appCommand(service: string, source: AppSource): AppCommand {
  if (source.script !== undefined) {
    const typescript = TYPESCRIPT.test(source.script);
    return {
      command: typescript ? ["node", "--import", "tsx", source.script] : ["node", source.script],
      extraPackages: typescript ? ["tsx"] : [],
      npmScript: false,
    };
  }
  const name = source.npmScript ?? "start";
  const line = readPackageJson(source.directory)?.scripts?.[name];
  if (line === undefined) {
    throw new Error(`'${service}' runs the npm script '${name}', which ${source.directory}/package.json does not define; add it to "scripts" or change addNpmApp's script`);
  }
  return { command: ["sh", "-c", line], extraPackages: USES_TSX.test(line) ? ["tsx"] : [], npmScript: true };
}
