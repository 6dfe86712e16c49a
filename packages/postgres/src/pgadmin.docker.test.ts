import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createBuilder, type RunningApp } from "@bosun/hosting";
import { parseImageReference } from "@bosun/hosting/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGADMIN_IMAGE, PGADMIN_REGISTRY, postgres } from "./index.js";

// pgAdmin's image cannot be pulled here. A stand-in that only sleeps takes its place through the
// image map, so the container bosun creates for pgAdmin can be inspected: its environment, its
// mounts, the files behind them, and what it waited for. pgAdmin itself never runs.
const run = promisify(execFile);
const STAND_IN = "bosun-test/pgadmin-stand-in:latest";
const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-pgadmin-"));
const stateDir = path.join(folder, "state");
// Generated files go under the state folder the AppHost's own process sees.
process.env.BOSUN_STATE_DIR = stateDir;

function imageMap(): string {
  const offline = process.env.BOSUN_IMAGE_MAP ? (JSON.parse(readFileSync(process.env.BOSUN_IMAGE_MAP, "utf8")) as Record<string, string>) : {};
  const file = path.join(folder, "image-map.json");
  writeFileSync(file, JSON.stringify({ ...offline, [`${PGADMIN_REGISTRY}/${PGADMIN_IMAGE}`]: STAND_IN }));
  return file;
}

interface InspectedContainer {
  readonly Config: { readonly Env: string[]; readonly Image: string };
  readonly Mounts: { readonly Type: string; readonly Source: string; readonly Destination: string; readonly RW: boolean }[];
}

async function inspectPgAdmin(): Promise<{ id: string; container: InspectedContainer }> {
  const { stdout } = await run("docker", ["ps", "-q", "--filter", "label=bosun.resource=postgres-pgadmin", "--filter", `label=bosun.pid=${process.pid}`]);
  const id = stdout.trim();
  const [container] = JSON.parse((await run("docker", ["inspect", id])).stdout) as InspectedContainer[];
  return { id, container: container! };
}

/** Resolves once the resource has been started (pgAdmin's stand-in never turns healthy). */
async function running(app: RunningApp, name: string): Promise<void> {
  for await (const event of app.events()) if (event.snapshot.name === name && event.snapshot.state === "Running") return;
}

describe("pgAdmin's container", () => {
  beforeAll(async () => {
    const build = run("docker", ["build", "-q", "-t", STAND_IN, "-"]);
    // SIGKILL: `sleep` as process 1 ignores SIGTERM, and stopping would wait out the grace period.
    build.child.stdin!.end("FROM bosun-offline/base:bookworm\nSTOPSIGNAL SIGKILL\nCMD [\"sleep\", \"infinity\"]\n");
    await build;
  });
  afterAll(async () => {
    await run("docker", ["image", "rm", STAND_IN]).catch(() => {});
  });

  it("logs in with its parameters, mounts a servers.json and a passfile that connect to the server over the app network, and starts after it", async () => {
    const sources = await inspectRunningApp();
    for (const source of sources) expect(existsSync(source), `${source} is removed with the session`).toBe(false);
  });
});

/** Starts the app, checks pgAdmin's container while it runs, and returns its generated files' host paths. */
async function inspectRunningApp(): Promise<string[]> {
  const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName: "pgadmin-test" }).use(postgres);
  builder.addPostgres("postgres").withPgAdmin().addDatabase("shop");
  const env = { ...process.env, BOSUN_IMAGE_MAP: imageMap(), BOSUN_SECRETS_DIR: path.join(folder, "secrets") };
  await using app = await builder.build().start({ env });
  const started = running(app, "postgres-pgadmin");
  await app.waitForHealthy("postgres");
  await started;

  expect(app.resource("postgres-pgadmin").startingAt!).toBeGreaterThanOrEqual(app.resource("postgres").healthyAt!);
  const { id, container } = await inspectPgAdmin();
  // Compared as references: Podman reports the image Docker calls `bosun-test/…` as `docker.io/bosun-test/…`.
  expect(parseImageReference(container.Config.Image).format()).toBe(parseImageReference(STAND_IN).format());
  const variables = Object.fromEntries(container.Config.Env.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
  const loginPassword = app.environment("postgres-pgadmin")!["PGADMIN_DEFAULT_PASSWORD"]!;
  expect(loginPassword.length).toBeGreaterThanOrEqual(22);
  expect(variables).toMatchObject({
    PGADMIN_DEFAULT_EMAIL: "admin@example.com",
    PGADMIN_DEFAULT_PASSWORD: loginPassword,
    PGADMIN_CONFIG_SERVER_MODE: "True",
    PGADMIN_SERVER_JSON_FILE: "/pgadmin4/servers.json",
    PGPASS_FILE: "/pgadmin4/pgpass",
  });

  const mounts = Object.fromEntries(container.Mounts.filter((m) => m.Type === "bind").map((m) => [m.Destination, m]));
  for (const target of ["/pgadmin4/servers.json", "/pgadmin4/pgpass"]) {
    expect(mounts[target], target).toMatchObject({ RW: false });
    expect(mounts[target]!.Source.startsWith(stateDir), `${target} comes from the state folder`).toBe(true);
  }
  const servers = JSON.parse(readFileSync(mounts["/pgadmin4/servers.json"]!.Source, "utf8")) as { Servers: Record<string, Record<string, unknown>> };
  expect(servers.Servers["1"]).toMatchObject({ Name: "postgres", Host: "postgres", Port: 5432, MaintenanceDB: "postgres", Username: "postgres", PassFile: "/.pgpass" });
  const serverPassword = new URL(app.connectionString("postgres")).password;
  expect(readFileSync(mounts["/pgadmin4/pgpass"]!.Source, "utf8")).toBe(`postgres:5432:*:postgres:${decodeURIComponent(serverPassword)}\n`);

  // As pgAdmin's entrypoint does under its own uid (5050): copy the passfile, make it 0600, and
  // connect with servers.json's host, port, database and user, typing no password.
  const psql = [
    "cp /pgadmin4/pgpass /tmp/pgpass && chmod 600 /tmp/pgpass",
    "PGPASSFILE=/tmp/pgpass /usr/lib/postgresql/15/bin/psql -w -h postgres -p 5432 -U postgres -d postgres -At -c 'SELECT current_user'",
  ].join(" && ");
  const { stdout } = await run("docker", ["exec", "-u", "5050", id, "sh", "-c", psql]);
  expect(stdout.trim()).toBe("postgres");
  return [mounts["/pgadmin4/servers.json"]!.Source, mounts["/pgadmin4/pgpass"]!.Source];
}
