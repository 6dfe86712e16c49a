import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

// Root's PATH normally has the sbin folders, but a CI shell's may not.
const SYSTEM_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** The absolute path of an executable found on PATH or in the system folders, else undefined. */
export function findExecutable(name: string, path = process.env["PATH"] ?? ""): string | undefined {
  const dirs = [...path.split(delimiter).filter(Boolean), ...SYSTEM_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
