import logUpdate from "log-update";
import type { ResourceSnapshot } from "../orchestrator/resource-state.js";
import type { LogStream } from "../runtime/resource-runtime.js";
import { formatStatusLine } from "./format-status.js";

/** Where the run command writes: a live table on a terminal, one line per change otherwise. */
export interface StatusOutput {
  update(snapshots: readonly ResourceSnapshot[], changed: ResourceSnapshot): void;
  /** Prints a resource's line, which the caller has already redacted (the dashboard keeps the same text). */
  log(resource: string, stream: LogStream, line: string): void;
  message(text: string): void;
  /** Freezes the live table (before the summary and on exit). */
  done(): void;
}

export interface StatusOutputOptions {
  readonly tty: boolean;
  readonly redact: (line: string) => string;
  readonly nameWidth: number;
  /** The resources to show (parameters are not). */
  readonly shown: readonly string[];
}

export function createStatusOutput(options: StatusOutputOptions): StatusOutput {
  const { redact, nameWidth } = options;
  const isShown = (snapshot: ResourceSnapshot) => options.shown.includes(snapshot.name);
  const started = Date.now();
  const stamp = () => `[${((Date.now() - started) / 1000).toFixed(2).padStart(6)} s]`;
  if (!options.tty) {
    // One line per change of state, health or reason: the reason shown is always the current one.
    const printed = new Map<string, string>();
    return {
      update: (_all, changed) => {
        const key = `${changed.state}/${changed.health}/${changed.reason ?? ""}`;
        if (!isShown(changed) || printed.get(changed.name) === key) return;
        printed.set(changed.name, key);
        console.log(redact(`${stamp()} ${formatStatusLine(changed, nameWidth)}`));
      },
      log: (resource, _stream, line) => console.log(`${resource.padEnd(nameWidth)} | ${line}`),
      message: (text) => console.log(redact(`${stamp()} ${text}`)),
      done: () => {},
    };
  }
  let table: readonly ResourceSnapshot[] = [];
  const render = () => logUpdate(table.map((s) => redact(formatStatusLine(s, nameWidth))).join("\n"));
  const above = (text: string) => {
    logUpdate.clear();
    console.log(text);
    render();
  };
  return {
    update: (all) => {
      table = all.filter(isShown);
      render();
    },
    log: (resource, _stream, line) => above(`${resource.padEnd(nameWidth)} | ${line}`),
    message: (text) => above(redact(text)),
    done: () => logUpdate.done(),
  };
}
