import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findDeepImports } from "./support/deep-imports.js";
import { listPackages, listRepoFiles, REPO_ROOT } from "./support/workspace-files.js";

const SOURCE_FILE = /\.(ts|tsx|mts|cts|mjs|cjs)$/;
const PACKAGES = [
  { dir: "", name: "bosun-workspace" },
  { dir: "packages/hosting", name: "@bosun/hosting" },
  { dir: "packages/testing", name: "@bosun/testing" },
];

describe("imports between packages", () => {
  it("go through package entries only, never into another package's files", () => {
    const files = listRepoFiles();
    const packages = listPackages(files);
    const deep = files
      .filter((file) => SOURCE_FILE.test(file))
      .flatMap((file) => findDeepImports(file, readFileSync(path.join(REPO_ROOT, file), "utf8"), packages));
    const report = deep.map((d) => `${d.file}:${d.line}: '${d.specifier}' ${d.reason}`);
    expect(report, "import the package (it resolves to src/ under the bosun-source condition, so no build is needed)").toEqual([]);
  });

  it("flags a relative path into another package and a package's src/ or dist/", () => {
    const text = [
      'import { connectEngine } from "../../hosting/src/engine/index.js";',
      'import { x } from "@bosun/hosting/src/index.js";',
      'const y = await import("@bosun/testing/dist/index.js");',
      'import { BosunError } from "../packages/hosting/src/errors/bosun-error.js";',
      'import { eventually } from "../../../test/support/eventually.js";',
    ].join("\n");
    expect(findDeepImports("packages/testing/src/a.ts", text, PACKAGES).map((d) => d.line)).toEqual([1, 2, 3]);
    expect(findDeepImports("scripts/b.ts", text, PACKAGES).map((d) => d.line)).toEqual([2, 3, 4]);
  });

  it("accepts package entries, their sub-entries, paths inside the same package and shared test support", () => {
    const text = [
      'import { createBuilder } from "@bosun/hosting";',
      'import type { ResourceRuntime } from "@bosun/hosting/runtime";',
      'import { helper } from "../support/helper.js";',
      'import { eventually } from "../../../../test/support/eventually.js";',
    ].join("\n");
    expect(findDeepImports("packages/testing/src/app/a.ts", text, PACKAGES)).toEqual([]);
  });
});
