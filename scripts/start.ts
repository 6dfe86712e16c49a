// npm start: provision the engine and images, then run the reference AppHost (apphost/index.ts)
// in this process with the image substitution in its environment. Arguments reach the AppHost:
// npm start -- down
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BosunError } from "@bosun/hosting";
import { buildPackages } from "./lib/build-packages.js";
import { ensureEngine } from "./lib/ensure-engine.js";
import { ensureImages } from "./lib/ensure-images.js";
import { runMain } from "./lib/run-main.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const APPHOST = new URL("../apphost/index.ts", import.meta.url);

runMain(async () => {
  if (!(await buildPackages(ROOT))) return 1;
  const engine = await ensureEngine();
  Object.assign(process.env, await ensureImages(engine, { root: ROOT }));
  if (!existsSync(APPHOST)) {
    throw new BosunError(`${fileURLToPath(APPHOST)} does not exist; it is the reference AppHost that npm start runs`, {
      code: "CONFIGURATION",
    });
  }
  // The AppHost takes its folder (relative paths, its name, its secrets file) from the script Node
  // started; it must be its own, not this one's.
  process.argv[1] = fileURLToPath(APPHOST);
  // A computed specifier: the AppHost is loaded (and type-checked) as its own program, not as part of this script.
  await import(APPHOST.href);
});
