import { refusalError, refusalFor } from "./refusals.js";

// The generated modules also export their JSON-RPC transport. bosun has none: these names exist so
// an AppHost that imports them loads, and using one fails with the reason.

function refused(name: string): never {
  throw refusalError(name, refusalFor(name)!);
}

/** Aspire's connection to its .NET host: bosun has none. */
export function connect(): never {
  return refused("connect");
}

/** Aspire's callback registration on its .NET host: bosun has none. */
export function registerCallback(): never {
  return refused("registerCallback");
}

/** Aspire's handle to a .NET object: bosun has none. */
export class Handle {
  constructor() {
    refused("Handle");
  }
}

/** Aspire's .NET cancellation token: bosun's callbacks take an AbortSignal. */
export class CancellationToken {
  constructor() {
    refused("CancellationToken");
  }
}
