import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/workspace-files.js";

interface PackageJson {
  readonly name: string;
  readonly exports?: Record<string, { readonly "bosun-source"?: string }>;
}

const WORKSPACE_PACKAGE = /^(@bosun\/|bosun$)/;

interface Entry {
  /** What a consumer imports: `@bosun/hosting/runtime`. */
  readonly specifier: string;
  readonly file: string;
}

/** Every entry point of every package under packages/, from the `exports` of its package.json. */
function packageEntries(): Entry[] {
  const packagesDir = path.join(REPO_ROOT, "packages");
  return readdirSync(packagesDir).flatMap((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(packagesDir, dir, "package.json"), "utf8")) as PackageJson;
    return Object.entries(manifest.exports ?? {}).map(([subpath, conditions]) => {
      const source = conditions["bosun-source"];
      if (source === undefined) throw new Error(`${manifest.name}: exports["${subpath}"] has no bosun-source condition naming its src/ file`);
      return { specifier: path.posix.join(manifest.name, subpath), file: path.join(packagesDir, dir, source) };
    });
  });
}

/** The names each entry exports, sorted, types marked `type`. */
function exportedNames(entries: readonly Entry[]): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    customConditions: ["bosun-source"],
    types: [],
    noLib: true,
    noEmit: true,
  };
  // Only the workspace's own modules are followed: third-party declarations cannot change what an
  // entry exports by name, and skipping them keeps the test fast.
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containingFile, _redirect, compilerOptions) =>
    literals.map(({ text }) =>
      text.startsWith(".") || WORKSPACE_PACKAGE.test(text)
        ? ts.resolveModuleName(text, containingFile, compilerOptions, host)
        : { resolvedModule: undefined },
    );
  const program = ts.createProgram({ rootNames: entries.map((e) => e.file), options, host });
  const checker = program.getTypeChecker();
  return new Map(
    entries.map((entry) => {
      const source = program.getSourceFile(entry.file);
      const module = source && checker.getSymbolAtLocation(source);
      if (module === undefined) throw new Error(`${entry.specifier}: cannot read ${entry.file}`);
      const names = checker.getExportsOfModule(module).map((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return target.flags & ts.SymbolFlags.Value ? symbol.name : `type ${symbol.name}`;
      });
      const byName = (a: string, b: string) => a.replace(/^type /, "").localeCompare(b.replace(/^type /, ""), "en");
      return [entry.specifier, names.sort(byName)];
    }),
  );
}

describe("the public surface", () => {
  it("is the pinned list of names per package entry", { timeout: 60_000 }, async () => {
    const entries = packageEntries().sort((a, b) => a.specifier.localeCompare(b.specifier, "en"));
    const surface = exportedNames(entries);
    const text = [...surface].map(([specifier, names]) => [specifier, ...names.map((n) => `  ${n}`)].join("\n")).join("\n\n");
    await expect(
      `${text}\n`,
      "a package's exports changed; if that is deliberate, update the list: npx vitest run --project unit test/public-surface.test.ts -u",
    ).toMatchFileSnapshot("./public-surface.txt");
  });
});
