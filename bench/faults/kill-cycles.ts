import { randomInt } from "node:crypto";
import type { EngineClient } from "@bosun/hosting/runtime";
import { isRunning } from "../../test/support/process-running.js";
import { sleep } from "./support/app-host-process.js";
import { containersOfSessions, HEALTHY, sessionsOf, writerApp, writerPids } from "./support/fault-app.js";
import type { Check } from "./support/checks.js";

export interface KillCyclesResult {
  readonly cycles: number;
  readonly committed: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly staleContainers: number;
  readonly staleProcesses: number;
  readonly checks: Check[];
}

/**
 * (a) `cycles` times: a run writes numbered rows, its AppHost is SIGKILLed at a random moment,
 * and the next run starts on the same volume. Then: every number the writer saw committed is in
 * the table, no number twice, and no container or process of a killed run outlived the next start.
 */
export async function killCycles(engine: EngineClient, cycles: number, volume: string): Promise<KillCyclesResult> {
  const app = writerApp("kill", volume);
  let staleContainers = 0;
  let staleProcesses = 0;
  let run = app.start({ writeLoop: true });
  await run.waitFor(HEALTHY, 180_000);
  for (let cycle = 1; cycle <= cycles; cycle += 1) {
    await sleep(randomInt(300, 3_000));
    const sessions = await sessionsOf(engine, app.appKey);
    const writers = writerPids();
    run.child.kill("SIGKILL");
    await run.exited;
    const before = app.committed().length;
    run = app.start({ writeLoop: true });
    await run.waitFor(HEALTHY, 180_000);
    const leftContainers = await containersOfSessions(engine, app.appKey, sessions);
    const leftProcesses = writers.filter(isRunning);
    staleContainers += leftContainers.length;
    staleProcesses += leftProcesses.length;
    console.log(`faults: kill cycle ${cycle}/${cycles}: ${before} rows committed so far; after the next start, ${leftContainers.length} container(s) and ${leftProcesses.length} writer process(es) of the killed run left`);
  }
  await sleep(1_000);
  const client = await app.connect(run);
  const committed = app.committed();
  let lost = 0;
  let duplicates = 0;
  try {
    const { rows } = await client.query<{ n: number; copies: number }>("SELECT n, count(*)::int AS copies FROM numbered GROUP BY n");
    const present = new Map(rows.map((row) => [row.n, row.copies]));
    lost = committed.filter((n) => !present.has(n)).length;
    duplicates = rows.reduce((total, row) => total + row.copies - 1, 0);
  } finally {
    await client.end();
  }
  run.child.kill("SIGINT");
  await run.exited;
  const checks: Check[] = [
    { name: "kill cycles: no committed row lost", passed: lost === 0, detail: `${lost} of ${committed.length} lost` },
    { name: "kill cycles: no row written twice", passed: duplicates === 0, detail: `${duplicates} duplicate(s)` },
    { name: "kill cycles: nothing of a killed run left once the next run is healthy", passed: staleContainers + staleProcesses === 0, detail: `${staleContainers} container(s), ${staleProcesses} process(es)` },
  ];
  return { cycles, committed: committed.length, lost, duplicates, staleContainers, staleProcesses, checks };
}
