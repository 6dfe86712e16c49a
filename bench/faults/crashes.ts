import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appKeyOf, describeAppHost, type EngineClient } from "@bosun/hosting/runtime";
import { startAppHost, timeLimit } from "./support/app-host-process.js";
import type { Check } from "./support/checks.js";
import { FIXTURES } from "./support/fault-app.js";

/** A status line of the run: `<name> <state> <health> … <reason>`. */
const line = (name: string, state: string, reason: string) => new RegExp(`\\] ${name} +${state} .*${reason.replace(/[()']/g, "\\$&")}`);

/**
 * (c) A container killed and one removed behind bosun's back, a process that crashes at start-up
 * and one that crashes later: each is reported with its state, exit code and reason, each
 * dependent is told, and Ctrl-C still ends the run with nothing left.
 */
export async function crashes(engine: EngineClient): Promise<{ checks: Check[]; stopSeconds: number }> {
  const directory = mkdtempSync(join(tmpdir(), "bosun-faults-crash-"));
  const appKey = appKeyOf(describeAppHost(directory, "faults-crash"));
  const run = startAppHost(join(FIXTURES, "crash-apphost.ts"), { ...process.env, FAULTS_DIR: directory, BOSUN_SECRETS_DIR: directory });
  const checks: Check[] = [];
  const expect = async (name: string, pattern: RegExp, ms = 60_000) => {
    const seen = await run.waitFor(pattern, ms).then(() => true, () => false);
    checks.push({ name: `crashes: ${name}`, passed: seen, detail: seen ? "reported" : `no line matching ${pattern}` });
  };
  try {
    await run.waitFor(/resources healthy in/, 180_000);
    await expect("a process that crashes at start-up is Exited with code 3", line("crash-at-start", "Exited", "exited with code 3"));
    await expect("its dependent is told", line("needs-early", "Running", "dependency 'crash-at-start' exited with code 3"));
    const [cache, store] = await Promise.all(["cache", "store"].map(async (resource) => (await engine.containers.list({ labels: { "bosun.app": appKey, "bosun.resource": resource }, all: false }))[0]!.id));
    await engine.containers.kill(cache!, "SIGKILL");
    await expect("a container killed behind bosun's back is Exited with code 137", line("cache", "Exited", "exited with code 137"));
    await expect("its dependent is told", line("needs-cache", "Running", "dependency 'cache' exited with code 137"));
    await engine.containers.remove(store!, { force: true, removeVolumes: true });
    await expect("a container removed behind bosun's back is Exited with its exit code", line("store", "Exited", "exited with code 137"));
    await expect("its dependent is told", line("needs-store", "Running", "dependency 'store' exited with code 137"));
    await expect("a process that crashes later is Exited with code 4", line("crash-later", "Exited", "exited with code 4"));
    await expect("its dependent is told", line("needs-late", "Running", "dependency 'crash-later' exited with code 4"));
  } catch (error) {
    checks.push({ name: "crashes: the scenario ran to its end", passed: false, detail: (error as Error).message.slice(0, 500) });
  } finally {
    const stopping = Date.now();
    run.child.kill("SIGINT");
    const code = await Promise.race([run.exited, timeLimit(60_000).then(() => "hung" as const)]);
    const stopSeconds = (Date.now() - stopping) / 1000;
    const left = await engine.containers.list({ labels: { "bosun.app": appKey }, all: true });
    checks.push({ name: "crashes: Ctrl-C still stops the run and leaves no container", passed: code !== "hung" && left.length === 0, detail: `exit ${String(code)} after ${stopSeconds.toFixed(1)} s, ${left.length} container(s) left` });
    if (code === "hung") run.child.kill("SIGKILL");
    return { checks, stopSeconds };
  }
}
