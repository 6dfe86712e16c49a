import { BosunError, HealthTimeoutError, type ResourceSnapshot, type RunningApp } from "@bosun/hosting";
import type { LogBook } from "./log-book.js";
import type { TestApp } from "./test-app.js";

const LAST_LINES = 8;

/**
 * Waits until every resource is healthy or finished. If one failed, or the time ran out, stops the
 * app (removing what it started) and throws one error naming each resource that is not ready.
 */
export async function settleOrFail(app: TestApp, running: RunningApp, logBook: LogBook, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  let outcome: "settled" | "timeout" | Error;
  try {
    outcome = await Promise.race([running.settled.then(() => "settled" as const), timedOut]);
  } catch (error) {
    outcome = error instanceof Error ? error : new Error(String(error));
  } finally {
    clearTimeout(timer);
  }
  const notReady = running.resources().filter((s) => !isReady(s));
  if (outcome === "settled" && notReady.length === 0) return;
  await app.stop();
  const lines = notReady.map((s) => `  - '${s.name}': ${describe(s)}${logBook.tail(s.name, LAST_LINES)}`).join("\n");
  const cleaned = "its containers, network and processes have been removed";
  if (outcome === "timeout") {
    throw new HealthTimeoutError(
      `startTestApp: not every resource was healthy within ${Math.round(timeoutMs / 1000)} s (${cleaned}):\n${lines}\n` +
        `raise startupTimeoutMs, or start fewer resources with { resources: [...] }`,
    );
  }
  if (outcome instanceof Error) {
    throw new BosunError(`startTestApp: the app could not start: ${outcome.message} (${cleaned})`, { code: "RUNTIME", cause: outcome });
  }
  const count = notReady.length === 1 ? "1 resource" : `${notReady.length} resources`;
  throw new BosunError(`startTestApp: ${count} did not start (${cleaned}):\n${lines}`, { code: "RUNTIME" });
}

function isReady(snapshot: ResourceSnapshot): boolean {
  return (snapshot.state === "Running" && snapshot.health === "Healthy") || snapshot.state === "Finished";
}

function describe(snapshot: ResourceSnapshot): string {
  const health = snapshot.state === "Running" ? `, ${snapshot.health}` : "";
  return `${snapshot.state}${health}${snapshot.reason ? `: ${snapshot.reason}` : ""}`;
}
