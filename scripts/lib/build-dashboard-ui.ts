import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";

/** The page's sources: browser TypeScript, CSS and index.html (plus the protocol types they import). */
const UI_SOURCES = join("packages", "hosting", "src", "dashboard", "ui");
const PROTOCOL = join("packages", "hosting", "src", "dashboard", "protocol.ts");
/** Shipped in @bosun/hosting's `files`; the server reads it as ../../../dashboard-ui from dashboard/server/. */
export const DASHBOARD_UI_OUTPUT = join("packages", "hosting", "dashboard-ui");
const STAMP = ".inputs-hash";
const OUTPUTS = ["index.html", "app.js", "app.css"];

/**
 * Bundles the dashboard's page with esbuild into packages/hosting/dashboard-ui/ (index.html, app.js,
 * app.css): one bundle, no CDN. Skipped when the inputs (sources, preact and esbuild versions) are
 * unchanged since the last bundle. Resolves "built", "up to date", or throws with esbuild's errors.
 */
export async function buildDashboardUi(root: string): Promise<"built" | "up to date"> {
  const output = join(root, DASHBOARD_UI_OUTPUT);
  const hash = inputsHash(root);
  const stamp = join(output, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash && OUTPUTS.every((file) => existsSync(join(output, file)))) return "up to date";
  rmSync(output, { recursive: true, force: true });
  mkdirSync(output, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { app: join(UI_SOURCES, "app.tsx") },
    outdir: output,
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    minify: true,
    jsx: "automatic",
    jsxImportSource: "preact",
    tsconfig: join(UI_SOURCES, "tsconfig.json"),
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(join(root, UI_SOURCES, "index.html"), join(output, "index.html"));
  writeFileSync(stamp, hash);
  return "built";
}

function inputsHash(root: string): string {
  const hash = createHash("sha256");
  const sources = join(root, UI_SOURCES);
  const files = readdirSync(sources, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".test.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .concat(join(root, PROTOCOL))
    .sort();
  for (const file of files) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  for (const dependency of ["preact", "esbuild"]) hash.update(versionOf(root, dependency));
  return hash.digest("hex");
}

function versionOf(root: string, name: string): string {
  const manifest = join(root, "node_modules", name, "package.json");
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version : "missing";
}
