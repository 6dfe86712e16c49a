// An AppHost stand-in for watchdog.test.ts: starts a sleeper in its own process group, records it
// as the process runtime does, starts its watchdog, then ends as the test's argument says.
import { spawn } from "node:child_process";
import { ProcessRegistry } from "../process/process-registry.js";
import { startWatchdog } from "./start-watchdog.js";

const [sessionId, processDirectory, ending] = process.argv.slice(2) as [string, string, "exit-at-once" | "release" | "release-when-loaded" | "killed"];
const session = { appHost: { directory: processDirectory, name: "fixture", id: "0" }, id: sessionId, pid: process.pid };
const sleeper = spawn("sleep", ["120"], { detached: true, stdio: "ignore", env: { ...process.env, BOSUN_SESSION: sessionId } });
await new ProcessRegistry(session, processDirectory).add("sleeper", sleeper.pid!);
sleeper.unref();
const watchdog = startWatchdog(session, { containers: false, processDirectory, env: { ...process.env, BOSUN_WATCHDOG: "on" } });
console.log(JSON.stringify({ sleeper: sleeper.pid, watchdog: watchdog?.pid }));
if (ending === "exit-at-once") process.exit(0);
if (ending === "release") await watchdog?.release();
if (ending === "release-when-loaded") setTimeout(() => void watchdog?.release(), 3_000);
if (ending === "killed") setInterval(() => {}, 60_000);
