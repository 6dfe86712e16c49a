// A PostgreSQL data volume initialised with one password, then the app started with another: prints
// how long the server takes from start() to settling (FailedToStart, or Unhealthy at its start-up
// timeout), and the reason it shows.
//   npx tsx --conditions=bosun-source bench/wrong-password.bench.ts   (needs an engine; set BOSUN_IMAGE_MAP without a registry)
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBuilder } from "bosun";
import { connectEngine } from "@bosun/hosting/runtime";

const appHostDirectory = mkdtempSync(path.join(os.tmpdir(), "bosun-bench-wrong-password-"));
const volume = `bosun-bench-wrong-password-${path.basename(appHostDirectory).toLowerCase()}`;
process.env.BOSUN_SECRETS_DIR = path.join(appHostDirectory, "secrets");

function defineApp(password: string) {
  const builder = createBuilder({ appHostDirectory, appName: "bench-wrong-password" });
  const secret = builder.addParameter("postgres-password", { secret: true, value: password });
  builder.addPostgres("postgres", { password: secret }).withDataVolume(volume);
  return builder.build();
}

try {
  {
    await using first = await defineApp("first-password").start();
    await first.settled;
    console.log(`volume initialised: postgres ${first.resource("postgres").health}`);
  }
  const startedAt = performance.now();
  await using second = await defineApp("second-password").start();
  await second.settled;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const server = second.resource("postgres");
  console.log(`wrong password: postgres ${server.state}/${server.health} after ${seconds} s`);
  console.log(`reason: ${server.reason}`);
} finally {
  await defineApp("any").run(["down", "--volumes"]);
  await (await connectEngine()).volumes.remove(volume).catch(() => {});
}
