import { BosunError } from "@bosun/hosting";
import { decisionFor, type Refusal } from "./api-catalog.js";

export type { Refusal } from "./api-catalog.js";

/** The refusal for an Aspire API name bosun does not honour; undefined for supported names and for names Aspire does not have. */
export function refusalFor(name: string): Refusal | undefined {
  const decision = decisionFor(name);
  return decision?.status === "refused" ? decision : undefined;
}

/** The error an Aspire API bosun cannot honour throws at the call. */
export function refusalError(name: string, refusal: Refusal): BosunError {
  return new BosunError(`Aspire's ${name}() is not supported by bosun: ${refusal.reason}; ${refusal.instead}`, { code: "CONFIGURATION" });
}

/** Throws the refusal of an option or a form of a call (`withDataVolume({ isReadOnly: true })`). */
export function refuse(call: string, reason: string, instead: string): never {
  throw new BosunError(`Aspire's ${call} is not supported by bosun: ${reason}; ${instead}`, { code: "CONFIGURATION" });
}
