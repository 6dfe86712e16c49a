// Boots Postgres + a database + Redis + RabbitMQ + a Node app that references all three, and prints
// the time to all-healthy against the sum of each resource's own start-to-healthy time (what a
// one-at-a-time orchestrator would need). Cold: new containers, empty data. Warm: persistent
// containers reused from the previous run.
//   npm run bench:stack            (needs an engine; set BOSUN_IMAGE_MAP without a registry)
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBuilder } from "bosun";
import type { ResourceSnapshot } from "@bosun/hosting";

const FIXTURE_DIR = path.join(import.meta.dirname, "..", "test", "fixtures");
const appHostDirectory = mkdtempSync(path.join(os.tmpdir(), "bosun-bench-"));
process.env.BOSUN_SECRETS_DIR = path.join(appHostDirectory, "secrets");

function defineStack(lifetime: "session" | "persistent") {
  const builder = createBuilder({ appHostDirectory, appName: "bench-stack" });
  const db = builder.addPostgres("postgres").withLifetime(lifetime).addDatabase("appdb");
  const cache = builder.addRedis("cache").withLifetime(lifetime);
  const messaging = builder.addRabbitMQ("messaging").withLifetime(lifetime);
  builder
    .addNodeApp("probe", FIXTURE_DIR, "probe-app.ts")
    .withHttpEndpoint({ env: "PORT" })
    .withHttpHealthCheck("/health")
    .withReference(db)
    .withReference(cache)
    .withReference(messaging)
    .waitFor(db)
    .waitFor(cache)
    .waitFor(messaging);
  return builder.build();
}

interface Figures {
  readonly wallMs: number;
  readonly sumMs: number;
  readonly slowest: string;
}

async function boot(lifetime: "session" | "persistent"): Promise<Figures> {
  const started = performance.now();
  const app = await defineStack(lifetime).start();
  await app.settled;
  const wallMs = performance.now() - started;
  const resources = app.resources().filter((r) => !r.name.endsWith("-password"));
  const unhealthy = resources.filter((r) => r.health !== "Healthy");
  await app.stop();
  if (unhealthy.length > 0) throw new Error(`not healthy: ${unhealthy.map((r) => `${r.name} (${r.reason})`).join(", ")}`);
  const own = (r: ResourceSnapshot) => (r.healthyAt ?? 0) - (r.startingAt ?? 0);
  const slowest = [...resources].sort((a, b) => own(b) - own(a))[0]!;
  return { wallMs, sumMs: resources.reduce((sum, r) => sum + own(r), 0), slowest: `${slowest.name} ${(own(slowest) / 1000).toFixed(1)} s` };
}

function print(label: string, figures: Figures): void {
  const ratio = figures.sumMs / figures.wallMs;
  console.log(
    `${label.padEnd(24)} all healthy ${(figures.wallMs / 1000).toFixed(2).padStart(6)} s   ` +
      `sum of own start-to-healthy ${(figures.sumMs / 1000).toFixed(2).padStart(6)} s   ratio ${ratio.toFixed(2)}   slowest: ${figures.slowest}`,
  );
}

try {
  print("cold (session)", await boot("session"));
  await boot("persistent");
  print("warm (persistent reuse)", await boot("persistent"));
} finally {
  await defineStack("persistent").run(["down", "--volumes"]);
}
