import type { AppHostInfo } from "../model/app-host-info.js";
import type { AllocatedEndpoint } from "../model/value-resolver.js";
import type { Resource } from "../model/resource.js";
import type { RenderedFile } from "../model/environment.js";

/** One run of an AppHost: what every container, network and process it creates is labelled with. */
export interface SessionInfo {
  readonly appHost: AppHostInfo;
  /** Short random id, unique per run. */
  readonly id: string;
  /** The AppHost's process id, so a later run can tell whether this session's owner is gone. */
  readonly pid: number;
}

export type LogStream = "stdout" | "stderr";

/** What the orchestrator hands a runtime to start one resource. Values are already rendered. */
export interface StartRequest<R extends Resource = Resource> {
  readonly resource: R;
  readonly env: Readonly<Record<string, string>>;
  readonly args: readonly string[];
  /** Generated files to mount read-only (containers only), their content rendered. */
  readonly files?: readonly RenderedFile[];
  /** Endpoints whose ports the orchestrator chose (host processes); containers' are chosen by the engine. */
  readonly endpoints: ReadonlyMap<string, AllocatedEndpoint>;
  readonly onLog: (stream: LogStream, line: string) => void;
  readonly signal: AbortSignal;
}

/** A started resource, as its runtime reports it. */
export interface StartedResource {
  /** Where each endpoint ended up; known once `start` resolves. */
  readonly endpoints: ReadonlyMap<string, AllocatedEndpoint>;
  /** Resolves with the exit code when the process or container ends, for whatever reason. */
  readonly exited: Promise<number>;
  /** Stops it (graceful, then forced after the runtime's grace period) and removes what it owns. */
  stop(): Promise<void>;
}

/** Something that will stop a resource from starting, found before anything starts. */
export interface PreflightProblem {
  readonly resource: string;
  readonly kind: "image" | "port" | "name";
  /** Names the resource and says the fix. */
  readonly message: string;
}

/**
 * Starts resources of the kinds it supports. Docker, host processes and Testcontainers implement
 * this; the orchestrator knows nothing else about them.
 */
export interface ResourceRuntime {
  readonly name: string;
  /** How values are rendered for what it starts: `host` processes or `container`s on the app network. */
  readonly target: "host" | "container";
  supports(resource: Resource): boolean;
  /**
   * Checks everything that can be known before any resource starts (images available, host ports
   * free, names not taken) and returns every problem found, each naming its resource.
   */
  preflight?(resources: readonly Resource[]): Promise<PreflightProblem[]>;
  /** Prepares shared things (the session network) before the first start. */
  open?(): Promise<void>;
  start(request: StartRequest): Promise<StartedResource>;
  /** Removes shared things after every resource has stopped. */
  close?(): Promise<void>;
}
