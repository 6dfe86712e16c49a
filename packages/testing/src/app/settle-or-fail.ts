import { BosunError, HealthTimeoutError, type ResourceSnapshot, type RunningApp } from "@bosun/hosting";
import type { LogBook } from "./log-book.js";
import type { TestApp } from "./test-app.js";

const LAST_LINES = 8;
const FAILED_STATES = new Set(["FailedToStart", "Exited"]);

type Outcome = "settled" | "failed" | "timeout" | Error;

/**
 * Waits until every resource is healthy or finished. As soon as one fails, or when the time runs
 * out, stops the app (removing what it started) and throws one error naming each resource that is
 * not ready, with its reason and last lines of output.
 */
export async function settleOrFail(app: TestApp, running: RunningApp, logBook: LogBook, timeoutMs: number): Promise<void> {
  const outcome = await firstOutcome(running, timeoutMs);
  const notReady = running.resources().filter((s) => !isReady(s));
  if (outcome === "settled" && notReady.length === 0) return;
  await app.stop();
  const cleaned = "its containers, network and processes have been removed";
  if (outcome instanceof Error) {
    throw new BosunError(`startTestApp: the app could not start: ${outcome.message} (${cleaned})`, { code: "RUNTIME", cause: outcome });
  }
  const failed = notReady.filter((s) => FAILED_STATES.has(s.state) || outcome === "timeout");
  const lines = failed.map((s) => `  - '${s.name}': ${describe(s)}${logBook.tail(s.name, LAST_LINES)}`);
  const pending = notReady.filter((s) => !failed.includes(s));
  if (pending.length > 0) lines.push(`  not ready yet when it was stopped: ${pending.map((s) => `'${s.name}' (${s.state})`).join(", ")}`);
  if (outcome === "timeout") {
    throw new HealthTimeoutError(
      `startTestApp: not every resource was healthy within ${Math.round(timeoutMs / 1000)} s (${cleaned}):\n${lines.join("\n")}\n` +
        `raise startupTimeoutMs, or start fewer resources with { resources: [...] }`,
    );
  }
  const count = failed.length === 1 ? "1 resource" : `${failed.length} resources`;
  throw new BosunError(`startTestApp: ${count} did not start (${cleaned}):\n${lines.join("\n")}`, { code: "RUNTIME" });
}

/** Everything settled, a first resource failed, the time ran out, or the orchestrator itself threw. */
async function firstOutcome(running: RunningApp, timeoutMs: number): Promise<Outcome> {
  const done = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // Subscribe before looking at the current states, so a failure in between is not missed.
  const events = running.events(done.signal);
  const failure = (async (): Promise<Outcome | undefined> => {
    if (running.resources().some((s) => FAILED_STATES.has(s.state))) return "failed";
    for await (const { snapshot } of events) if (FAILED_STATES.has(snapshot.state)) return "failed";
    return undefined;
  })();
  try {
    return await Promise.race([
      running.settled.then(() => "settled" as const),
      failure.then((outcome) => outcome ?? new Promise<never>(() => {})),
      new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs))),
    ]);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    clearTimeout(timer);
    done.abort();
  }
}

function isReady(snapshot: ResourceSnapshot): boolean {
  return (snapshot.state === "Running" && snapshot.health === "Healthy") || snapshot.state === "Finished";
}

function describe(snapshot: ResourceSnapshot): string {
  const health = snapshot.state === "Running" ? `, ${snapshot.health}` : "";
  return `${snapshot.state}${health}${snapshot.reason ? `: ${snapshot.reason}` : ""}`;
}
