import type { ValidationProblem } from "../../errors/bosun-error.js";
import { callSiteOf } from "../call-site.js";

/** A problem found by a rule, and the resource or annotation whose builder call caused it. */
export interface Finding {
  readonly message: string;
  readonly subject: object;
}

export function finding(message: string, subject: object): Finding {
  return { message, subject };
}

/** The problem as `build()` reports it: the message and the user's call that caused it. */
export function toProblem({ message, subject }: Finding): ValidationProblem {
  const site = callSiteOf(subject);
  return site ? { message, location: site.location, method: site.method } : { message };
}
