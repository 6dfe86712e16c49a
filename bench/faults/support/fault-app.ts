import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { appKeyOf, describeAppHost, type EngineClient } from "@bosun/hosting/runtime";
import { startAppHost, type AppHostProcess } from "./app-host-process.js";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const WRITER_APPHOST = join(FIXTURES, "writer-apphost.ts");
export const HEALTHY = /all \d+ resources healthy/;

/** One folder (secrets, committed.txt) and one data volume shared by every run of a scenario. */
export interface WriterApp {
  readonly directory: string;
  readonly volume: string;
  readonly appKey: string;
  start(options?: { readonly writeLoop?: boolean; readonly env?: NodeJS.ProcessEnv }): AppHostProcess;
  /** The numbers the writer saw committed, in order. */
  committed(): number[];
  /** A client on the published port the run printed. */
  connect(run: AppHostProcess): Promise<pg.Client>;
}

export function writerApp(name: string, volume: string): WriterApp {
  const directory = mkdtempSync(join(tmpdir(), `bosun-faults-${name}-`));
  mkdirSync(join(directory, "secrets"));
  const env = { ...process.env, FAULTS_DIR: directory, FAULTS_VOLUME: volume, BOSUN_SECRETS_DIR: join(directory, "secrets") };
  return {
    directory,
    volume,
    appKey: appKeyOf(describeAppHost(directory, "faults-writer")),
    start: (options = {}) => startAppHost(WRITER_APPHOST, { ...env, ...options.env, FAULTS_WRITE_LOOP: options.writeLoop ? "1" : "0" }),
    committed: () => {
      try {
        return readFileSync(join(directory, "committed.txt"), "utf8").split("\n").filter(Boolean).map(Number);
      } catch {
        return [];
      }
    },
    connect: async (run) => {
      const port = /postgres \(tcp\): tcp:\/\/localhost:(\d+)/.exec(run.text())?.[1];
      if (!port) throw new Error(`the run printed no postgres endpoint:\n${run.text().slice(-2000)}`);
      const secretsFile = readdirSync(join(directory, "secrets")).find((file) => file.endsWith(".json"))!;
      const secrets = JSON.parse(readFileSync(join(directory, "secrets", secretsFile), "utf8")) as Record<string, string>;
      const client = new pg.Client({ connectionString: `postgresql://postgres:${secrets["postgres-password"]}@127.0.0.1:${port}/faultdb`, connectionTimeoutMillis: 5_000 });
      await client.connect();
      return client;
    },
  };
}

/** Containers of the app that belong to any of these sessions. */
export async function containersOfSessions(engine: EngineClient, appKey: string, sessions: ReadonlySet<string>): Promise<string[]> {
  const all = await engine.containers.list({ labels: { "bosun.app": appKey }, all: true });
  return all.filter((container) => sessions.has(container.labels["bosun.session"] ?? "")).map((container) => container.name);
}

export async function sessionsOf(engine: EngineClient, appKey: string): Promise<Set<string>> {
  const all = await engine.containers.list({ labels: { "bosun.app": appKey }, all: true });
  return new Set(all.map((container) => container.labels["bosun.session"] ?? "").filter(Boolean));
}

/** Pids of the fault suite's writer processes, found by their script path. */
export function writerPids(): number[] {
  const script = join(FIXTURES, "writer.ts");
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(script)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}
