import { NodeAppResource } from "../../model/node-app-resource.js";
import type { ExecutableResource } from "../../model/executable-resource.js";

/**
 * The program and arguments to spawn: Node apps run on this Node, TypeScript through tsx's loader,
 * with the inspector on 127.0.0.1 when `inspectPort` is given.
 */
export function commandLineOf(resource: ExecutableResource, args: readonly string[], inspectPort?: number): { command: string; args: string[] } {
  if (!(resource instanceof NodeAppResource)) return { command: resource.command, args: [...args] };
  const inspector = inspectPort === undefined ? [] : [`--inspect=127.0.0.1:${inspectPort}`];
  const loader = resource.isTypeScript ? ["--import", import.meta.resolve("tsx")] : [];
  return { command: process.execPath, args: [...inspector, ...loader, ...args] };
}
