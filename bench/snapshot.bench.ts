// Snapshot bench: npm run bench:snapshot (needs an engine; sets BOSUN_IMAGE_MAP to the offline
// images when unset and they exist). Starts a PostgreSQL on a data volume, fills a table with
// BENCH_ROWS rows (default 100 000), then times RunningApp.snapshot() and RunningApp.restore() of it
// (the server is stopped, copied or restored, and started again until healthy) and prints the sizes,
// against a floor measured in the same run on the same volume (bench/snapshot/floor.ts). Figures
// only; no timed assertion.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createBuilder } from "bosun";
import { connectEngine } from "@bosun/hosting/runtime";
import { runFloor, type FloorServer } from "./snapshot/floor.js";

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

/** Milliseconds between the progress lines of one snapshot: export, stop and copy, start until healthy. */
function phases(lines: { text: string; at: number }[], started: number, ended: number): string {
  const stopAt = lines.find((l) => l.text.includes("stopping it"))?.at ?? started;
  const startAt = lines.find((l) => l.text.includes("starting it again"))?.at ?? ended;
  return `export ${((stopAt - started) / 1000).toFixed(2)} s, stop + copy ${((startAt - stopAt) / 1000).toFixed(2)} s, start until healthy ${((ended - startAt) / 1000).toFixed(2)} s`;
}

const seconds = (values: number[]) => values.map((ms) => (ms / 1000).toFixed(2)).join(", ");
const row = (label: string, values: number[], floor: number[]) =>
  `${label.padEnd(26)} median ${(median(values) / 1000).toFixed(2)} s  (runs ${seconds(values)})${floor.length > 0 ? `  ${(median(values) / median(floor)).toFixed(2)}x the floor` : ""}`;

try {
  const snapshots: number[] = [];
  const restores: number[] = [];
  const breakdowns: string[] = [];
  let sizes = "";
  let databaseBytes = 0;
  let floorServer: Omit<FloorServer, "engine"> | undefined;
  {
    await using app = await defineApp().start({ env });
    await app.waitForHealthy("appdb");
    const database = app.connectionString("appdb");
    await sql(database, `CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, price numeric NOT NULL, created timestamptz NOT NULL DEFAULT now());
      INSERT INTO items (name, price) SELECT 'item ' || n, n * 0.01 FROM generate_series(1, ${ROWS}) AS n`);
    databaseBytes = Number((await sql(database, "SELECT pg_database_size('appdb')::bigint AS bytes")).rows[0].bytes);
    for (let run = 0; run < RUNS; run++) {
      const progress: { text: string; at: number }[] = [];
      const started = performance.now();
      const taken = await app.snapshot({ name: `run-${run}`, env, onProgress: (text) => progress.push({ text, at: performance.now() }) });
      breakdowns.push(phases(progress, started, performance.now()));
      snapshots.push(taken.ms);
      sizes = Object.entries(taken.metadata.files).map(([file, { bytes }]) => `${file} ${mb(bytes)}`).join(", ");
      await sql(database, "DROP TABLE items");
      restores.push((await app.restore(`run-${run}`, { env })).ms);
      const count = (await sql(database, "SELECT count(*)::int AS count FROM items")).rows[0].count as number;
      if (count !== ROWS) throw new Error(`restore brought back ${count} rows, not ${ROWS}`);
      const copy = taken.metadata.resources[0]!;
      const url = new URL(database);
      floorServer = { image: copy.image, volume: copy.volumes[0]!.volume, folder, env: { POSTGRES_PASSWORD: decodeURIComponent(url.password) }, connectionString: database.replace(`:${url.port}/`, ":{port}/") };
    }
  }
  const floors = [];
  const engine = await connectEngine();
  for (let run = 0; run < RUNS; run++) floors.push(await runFloor({ ...floorServer!, engine }));
  const floorSnapshots = floors.map((f) => f.snapshot);
  const floorRestores = floors.map((f) => f.restore);
  console.log(`PostgreSQL with ${ROWS} rows (database ${mb(databaseBytes)}), ${RUNS} runs, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(row("floor: stop, tar, start", floorSnapshots, []));
  console.log(row("bosun snapshot", snapshots, floorSnapshots));
  console.log(row("floor: stop, untar, start", floorRestores, []));
  console.log(row("bosun restore", restores, floorRestores));
  breakdowns.forEach((line, run) => console.log(`snapshot ${run + 1}: ${line}`));
  console.log(`files: ${sizes}`);
} finally {
  await defineApp().run(["down", "--volumes"]);
  rmSync(folder, { recursive: true, force: true });
}
