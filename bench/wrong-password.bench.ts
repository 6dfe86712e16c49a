// A PostgreSQL data volume initialised with one password, then the app started with another: prints
// how long the server takes from start() to settling (FailedToStart, or Unhealthy at its start-up
// timeout) and the reason it shows, against the same volume started with the right password in the
// same run (the time to Healthy it is compared with).
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

/** Starts the app with this password and returns the server's settled state and the seconds it took. */
async function settle(password: string): Promise<{ seconds: number; state: string; reason: string | undefined }> {
  const startedAt = performance.now();
  await using app = await defineApp(password).start();
  await app.settled;
  const server = app.resource("postgres");
  return { seconds: (performance.now() - startedAt) / 1000, state: `${server.state}/${server.health}`, reason: server.reason };
}

try {
  const initialised = await settle("first-password");
  console.log(`volume initialised: postgres ${initialised.state} after ${initialised.seconds.toFixed(1)} s`);
  const right = await settle("first-password");
  const wrong = await settle("second-password");
  console.log(`right password, same volume: postgres ${right.state} after ${right.seconds.toFixed(1)} s`);
  console.log(`wrong password:              postgres ${wrong.state} after ${wrong.seconds.toFixed(1)} s (${(wrong.seconds / right.seconds).toFixed(2)}x the right one)`);
  console.log(`reason: ${wrong.reason}`);
} finally {
  await defineApp("any").run(["down", "--volumes"]);
  await (await connectEngine()).volumes.remove(volume).catch(() => {});
}
