// The watchdog process: started detached by an AppHost with an IPC channel, it waits for that
// channel to close. A "release" first means the AppHost stopped cleanly; a close without one means
// the AppHost died (SIGKILL, OOM, closed terminal), and the watchdog removes its session.
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { connectEngine } from "../../engine/connect-engine.js";
import type { EngineClient } from "../../engine/engine-client.js";
import { cleanUpSession, type SessionCleanUp } from "./clean-up-session.js";
import { parseWatchdogConfig, type WatchdogConfig } from "./watchdog-config.js";
import { RELEASE_MESSAGE, READY_MESSAGE } from "./watchdog-messages.js";

const config = parseWatchdogConfig(process.argv[2]);
// Connected while the AppHost is alive, so the clean-up does not wait for a first connection.
let connecting: Promise<EngineClient> | undefined = config.containers ? connectEngine() : undefined;
connecting?.catch(() => (connecting = undefined));
let released = false;
let cleaning = false;

process.on("message", (message) => {
  if (message !== RELEASE_MESSAGE) return;
  released = true;
  process.exit(0);
});
process.on("disconnect", () => void (released ? process.exit(0) : cleanUp()));
// An AppHost killed while this process was still loading: the channel is closed already, or
// closes under the greeting (EPIPE).
if (process.connected) process.send?.(READY_MESSAGE, (error: Error | null) => error && void cleanUp());
else void cleanUp();

async function cleanUp(): Promise<void> {
  if (cleaning) return;
  cleaning = true;
  const started = Date.now();
  const result = await cleanUpSession(config, { connect: () => (connecting ??= connectEngine()) });
  await log(config, describe(result, Date.now() - started)).catch(() => {});
  process.exit(result.failure === undefined ? 0 : 1);
}

function describe(result: SessionCleanUp, elapsedMs: number): string {
  const removed = `ended ${list(result.processes, "process group")}, removed ${list(result.containers, "container")} and ${list(result.networks, "network")}`;
  const retries = result.attempts > 1 ? ` (engine tried ${result.attempts} times)` : "";
  const failure = result.failure === undefined ? "" : `; gave up on the containers: ${result.failure}; the next run removes them`;
  return `${new Date().toISOString()} session ${config.sessionId} of ${config.appKey}: AppHost (pid ${config.ownerPid}) ended without stopping; ${removed} in ${elapsedMs} ms${retries}${failure}\n`;
}

function list(names: readonly string[], noun: string): string {
  return names.length === 0 ? `no ${noun}` : `${names.length} ${noun}${names.length === 1 ? "" : "s"} (${names.join(", ")})`;
}

async function log(target: WatchdogConfig, line: string): Promise<void> {
  await mkdir(path.dirname(target.logFile), { recursive: true, mode: 0o700 });
  await appendFile(target.logFile, line, { mode: 0o600 });
}
