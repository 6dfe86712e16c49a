import { NodeAppResource } from "../../model/node-app-resource.js";
import type { ExecutableResource } from "../../model/executable-resource.js";

/** The program and arguments to spawn: Node apps run on this Node, TypeScript through tsx's loader. */
export function commandLineOf(resource: ExecutableResource, args: readonly string[]): { command: string; args: string[] } {
  if (!(resource instanceof NodeAppResource)) return { command: resource.command, args: [...args] };
  const loader = resource.isTypeScript ? ["--import", import.meta.resolve("tsx")] : [];
  return { command: process.execPath, args: [...loader, ...args] };
}
