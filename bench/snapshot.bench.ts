// Snapshot bench: npm run bench:snapshot (needs an engine; sets BOSUN_IMAGE_MAP to the offline
// images when unset and they exist). Starts a PostgreSQL on a data volume, fills a table with
// BENCH_ROWS rows (default 100 000), then times RunningApp.snapshot() and RunningApp.restore() of it
// (the server is stopped, copied or restored, and started again until healthy) and prints the sizes.
// Figures only; no timed assertion.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createBuilder } from "bosun";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-snapshot-bench-"));
const offlineMap = path.resolve("images/offline/image-map.json");
const env = {
  ...process.env,
  BOSUN_SECRETS_DIR: path.join(folder, "secrets"),
  BOSUN_SNAPSHOTS_DIR: path.join(folder, "snapshots"),
  ...(process.env.BOSUN_IMAGE_MAP === undefined && existsSync(offlineMap) ? { BOSUN_IMAGE_MAP: offlineMap } : {}),
};

function defineApp() {
  const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName: "snapshot-bench" });
  builder.addPostgres("db").withDataVolume().addDatabase("appdb");
  return builder.build();
}

async function sql(connectionString: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

try {
  await using app = await defineApp().start({ env });
  await app.waitForHealthy("appdb");
  const database = app.connectionString("appdb");
  await sql(database, `CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, price numeric NOT NULL, created timestamptz NOT NULL DEFAULT now());
    INSERT INTO items (name, price) SELECT 'item ' || n, n * 0.01 FROM generate_series(1, ${ROWS}) AS n`);
  const tableSize = (await sql(database, "SELECT pg_database_size('appdb')::bigint AS bytes")).rows[0].bytes as string;
  const snapshots: number[] = [];
  const restores: number[] = [];
  let sizes = "";
  for (let run = 0; run < RUNS; run++) {
    const taken = await app.snapshot({ name: `run-${run}`, env });
    snapshots.push(taken.ms);
    const files = taken.metadata.files;
    sizes = Object.entries(files).map(([file, { bytes }]) => `${file} ${mb(bytes)}`).join(", ");
    await sql(database, "DROP TABLE items");
    const restored = await app.restore(`run-${run}`, { env });
    restores.push(restored.ms);
    const count = (await sql(database, "SELECT count(*)::int AS count FROM items")).rows[0].count as number;
    if (count !== ROWS) throw new Error(`restore brought back ${count} rows, not ${ROWS}`);
  }
  console.log(`PostgreSQL with ${ROWS} rows (database ${mb(Number(tableSize))}), ${RUNS} runs, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`snapshot: median ${(median(snapshots) / 1000).toFixed(2)} s (runs ${snapshots.map((ms) => (ms / 1000).toFixed(2)).join(", ")})`);
  console.log(`restore:  median ${(median(restores) / 1000).toFixed(2)} s (runs ${restores.map((ms) => (ms / 1000).toFixed(2)).join(", ")})`);
  console.log(`files: ${sizes}`);
} finally {
  await defineApp().run(["down", "--volumes"]);
  rmSync(folder, { recursive: true, force: true });
}
