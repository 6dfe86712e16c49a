import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sleep, timeLimit } from "./support/app-host-process.js";
import type { Check } from "./support/checks.js";
import { HEALTHY, writerApp } from "./support/fault-app.js";
import { OwnPodmanService } from "./support/own-podman-service.js";

const run = promisify(execFile);

export interface EngineRestartResult {
  readonly checks: Check[];
  /** From the engine answering again to the run being healthy again (kept containers). */
  readonly recoverSeconds: number | undefined;
  /** From the engine answering again to bosun reporting the stopped containers (containers stopped). */
  readonly reportSeconds: number | undefined;
  readonly stopSeconds: number | undefined;
}

/**
 * (b) The engine restarted under a running app, on a Podman service the suite owns (never the
 * machine's dockerd): first the service alone restarts and the containers live on (Podman's
 * conmon keeps them, like dockerd's live-restore); then the containers are stopped while the
 * service is down, as a dockerd restart does. bosun must report it, recover or stop cleanly, and
 * Ctrl-C must end the run with nothing left.
 */
export async function engineRestart(volume: string): Promise<EngineRestartResult> {
  const service = new OwnPodmanService("/run/bosun-faults/podman.sock", "/var/log/bosun-faults-podman.log");
  const engine = await service.start();
  const app = writerApp("engine", volume);
  const appHost = app.start({ env: { DOCKER_HOST: service.host } });
  const checks: Check[] = [];
  let recoverSeconds: number | undefined;
  let reportSeconds: number | undefined;
  let stopSeconds: number | undefined;
  try {
    await appHost.waitFor(HEALTHY, 180_000);
    const mark = appHost.text().length;
    const after = (pattern: RegExp) => new RegExp(`[\\s\\S]{${mark}}[\\s\\S]*${pattern.source}`);

    await service.stop();
    await sleep(3_000);
    await service.start();
    const back = Date.now();
    const client = await app.connect(appHost);
    await client.query("SELECT 1").finally(() => client.end());
    recoverSeconds = (Date.now() - back) / 1000;
    await sleep(5_000);
    const exitedWrongly = /postgres +Exited/.test(appHost.text().slice(mark));
    checks.push({ name: "engine restart: containers that lived through it are not reported as exited", passed: !exitedWrongly, detail: exitedWrongly ? "postgres reported Exited" : "still Running" });

    await service.stop();
    const { stdout } = await run("podman", ["ps", "-q", "--filter", `label=bosun.app=${app.appKey}`]);
    await run("podman", ["stop", "-t", "2", ...stdout.split("\n").filter(Boolean)]);
    await service.start();
    const backAgain = Date.now();
    const reported = await appHost.waitFor(after(/postgres +(Exited|Finished) .*exited with code \d+/), 60_000).then(() => true, () => false);
    reportSeconds = reported ? (Date.now() - backAgain) / 1000 : undefined;
    checks.push({ name: "engine restart: a container stopped with it is reported with its exit code", passed: reported, detail: reported ? `after ${reportSeconds!.toFixed(1)} s` : `not within 60 s; the run printed:\n${appHost.text().slice(mark).slice(-1500)}` });
  } catch (error) {
    checks.push({ name: "engine restart: the scenario ran to its end", passed: false, detail: (error as Error).message.slice(0, 500) });
  } finally {
    const stopping = Date.now();
    appHost.child.kill("SIGINT");
    const code = await Promise.race([appHost.exited, timeLimit(60_000).then(() => "hung" as const)]);
    stopSeconds = (Date.now() - stopping) / 1000;
    if (code === "hung") appHost.child.kill("SIGKILL");
    const left = await engine.containers.list({ labels: { "bosun.app": app.appKey }, all: true }).catch(() => []);
    checks.push({ name: "engine restart: Ctrl-C afterwards ends the run, leaving no container", passed: code !== "hung" && left.length === 0, detail: `exit ${String(code)} after ${stopSeconds.toFixed(1)} s, ${left.length} container(s) left` });
    await engine.volumes.remove(volume).catch(() => {});
    await service.stop();
  }
  return { checks, recoverSeconds, reportSeconds, stopSeconds };
}
