import type { ChildProcess } from "node:child_process";

/** SIGTERM to the whole process group, then SIGKILL once the grace period is over. */
export async function stopProcessGroup(child: ChildProcess, exited: Promise<number>, gracePeriodMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), gracePeriodMs);
  await exited;
  clearTimeout(timer);
  // Grandchildren that ignored SIGTERM must not outlive the app.
  signalGroup(child, "SIGKILL");
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}
