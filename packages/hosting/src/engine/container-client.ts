import type { ContainerInfo, ContainerSummary } from "./container-info.js";
import type { ContainerSpec } from "./container-spec.js";
import type { LabelFilter } from "./label-filter.js";

export type LogStreamName = "stdout" | "stderr";

export interface LogOptions {
  /** Keep streaming new lines until stopped or the container ends. */
  readonly follow: boolean;
  /** Only lines written after this moment. */
  readonly since?: Date;
  /** Called once per complete line, without its line break. */
  readonly onLine: (stream: LogStreamName, line: string) => void;
}

/** A running log subscription: `stop()` ends it early; `ended` settles when no more lines come. */
export interface LogSubscription {
  stop(): void;
  readonly ended: Promise<void>;
}

export interface ExecResult {
  readonly exitCode: number;
  /** stdout and stderr interleaved as they arrived. */
  readonly output: string;
  readonly stdout: string;
  readonly stderr: string;
}

/** Containers on one engine. Stopping, killing and removing what is already gone is not an error. */
export interface ContainerClient {
  /** Creates (does not start) a container; returns its id. */
  create(spec: ContainerSpec): Promise<string>;
  start(id: string): Promise<void>;
  /** Undefined when no such container exists. */
  inspect(id: string): Promise<ContainerInfo | undefined>;
  stop(id: string, options: { readonly timeoutSeconds: number }): Promise<void>;
  kill(id: string, signal: string): Promise<void>;
  remove(id: string, options: { readonly force: boolean; readonly removeVolumes: boolean }): Promise<void>;
  list(options: { readonly labels: LabelFilter; readonly all: boolean }): Promise<ContainerSummary[]>;
  logs(id: string, options: LogOptions): Promise<LogSubscription>;
  exec(id: string, cmd: readonly string[]): Promise<ExecResult>;
  /** Resolves with the exit code once the container stops running; `signal` abandons the wait (rejects). */
  wait(id: string, options?: { readonly signal?: AbortSignal }): Promise<number>;
}
