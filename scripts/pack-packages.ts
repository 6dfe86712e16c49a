// `npm run pack`: builds the packages and packs each into ./packs, for a project outside this
// checkout to install (the packages are not on a registry yet).
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildPackages } from "./lib/build-packages.js";
import { runCommand } from "./lib/run-command.js";
import { runMain } from "./lib/run-main.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DESTINATION = path.join(ROOT, "packs");

runMain(async () => {
  if (!(await buildPackages(ROOT))) return 1;
  mkdirSync(DESTINATION, { recursive: true });
  // An earlier version's tarballs would be picked up by `npm install packs/*.tgz` too.
  for (const old of readdirSync(DESTINATION).filter((file) => file.endsWith(".tgz"))) rmSync(path.join(DESTINATION, old));
  const workspaces = readdirSync(path.join(ROOT, "packages")).flatMap((dir) => ["-w", `packages/${dir}`]);
  const packed = await runCommand("npm", ["pack", "--ignore-scripts", "--pack-destination", DESTINATION, ...workspaces], { cwd: ROOT });
  if (packed !== 0) {
    console.error("pack: npm pack failed (see the output above)");
    return packed;
  }
  const tarballs = readdirSync(DESTINATION).filter((file) => file.endsWith(".tgz")).map((file) => path.join(DESTINATION, file));
  console.log(`\npack: ${tarballs.length} tarballs in ${DESTINATION}; in your project run:\n`);
  console.log(`  npm install ${tarballs.join(" ")} tsx\n`);
  return 0;
});
