import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.dirname(fileURLToPath(import.meta.url));

/**
 * The folders of src/, lowest first. A file may import from its own folder and the folders before
 * it, never from one after it: the model knows nothing of runtimes, runtimes nothing of the
 * orchestrator that drives them, and only the command line knows about the command line.
 */
const LAYERS = [
  "errors",
  "images",
  "engine",
  "model",
  "manifest",
  "parameters",
  "runtime",
  "health",
  "orchestrator",
  "watch",
  "snapshot",
  "control",
  "publish",
  "app",
  "dashboard",
  "cli",
] as const;

/** Test files and the test-only helpers in testing-support/ may reach anything. */
const EXEMPT = /(\.test\.ts$|^testing-support\/)/;

interface UpwardImport {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly from: string;
  readonly to: string;
}

function sourceFiles(dir = ""): string[] {
  return readdirSync(path.join(SRC, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith(".ts") && !EXEMPT.test(relative) ? [relative] : [];
  });
}

const folderOf = (file: string): string | undefined => (file.includes("/") ? file.split("/")[0] : undefined);

/** The imports of `file` (relative to src/) into a folder later in `layers` than its own. */
function upwardImports(file: string, text: string, layers: readonly string[] = LAYERS): UpwardImport[] {
  const from = folderOf(file);
  if (from === undefined) return [];
  const found: UpwardImport[] = [];
  for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
    if (!imported.fileName.startsWith(".")) continue;
    const to = folderOf(path.posix.normalize(path.posix.join(path.posix.dirname(file), imported.fileName)));
    if (to === undefined || to === from || layers.indexOf(to) < layers.indexOf(from)) continue;
    const line = text.slice(0, imported.pos).split("\n").length;
    found.push({ file, line, specifier: imported.fileName, from, to });
  }
  return found;
}

describe("the layers of @bosun/hosting's src/", () => {
  it("name every folder of src/", () => {
    const folders = new Set(sourceFiles().flatMap((file) => folderOf(file) ?? []));
    const unplaced = [...folders].filter((folder) => !(LAYERS as readonly string[]).includes(folder));
    expect(unplaced, "add the new folder to LAYERS in packages/hosting/src/layers.test.ts, above what it imports").toEqual([]);
  });

  it("import only from their own folder and the folders below it", () => {
    const upward = sourceFiles().flatMap((file) => upwardImports(file, readFileSync(path.join(SRC, file), "utf8")));
    const report = upward.map((u) => `src/${u.file}:${u.line}: '${u.specifier}' reaches up from ${u.from}/ to ${u.to}/`);
    expect(report, `order, lowest first: ${LAYERS.join(" < ")}; move the shared code down instead`).toEqual([]);
  });

  it("flag an import from a higher folder, whether a value or a type", () => {
    const text = ['import { x } from "../model/resource.js";', 'import type { y } from "../../app/start-app.js";'].join("\n");
    expect(upwardImports("runtime/docker/a.ts", text).map((u) => `${u.line} ${u.to}`)).toEqual(["2 app"]);
    expect(upwardImports("health/b.ts", 'import { sleep } from "../orchestrator/x.js";')).toHaveLength(1);
  });
});
