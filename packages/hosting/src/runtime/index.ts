// The runtime interface: how the testing package and future runtimes plug into the orchestrator.
export type { LogStream, PreflightProblem, ResourceRuntime, SessionInfo, StartRequest, StartedResource } from "./resource-runtime.js";
export type { AllocatedEndpoint } from "../model/value-resolver.js";
