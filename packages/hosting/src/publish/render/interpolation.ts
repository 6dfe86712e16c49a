import type { PublishParameter, PublishValue } from "../publish-model.js";

/**
 * A value in a Compose or stack file, where `$` starts an interpolation: literal `$` doubled, each
 * parameter a `${NAME}` read from the environment (`.env` for Compose) — with its default, or
 * failing with a message naming it when unset or empty.
 */
export function interpolate(value: PublishValue, parameters: ReadonlyMap<string, PublishParameter>, missingHint: string): string {
  return value.map((part) => (typeof part === "string" ? part.replaceAll("$", () => "$$") : placeholder(parameters.get(part.parameter)!, missingHint))).join("");
}

function placeholder(parameter: PublishParameter, missingHint: string): string {
  if (parameter.defaultValue !== undefined && !/[}$]/.test(parameter.defaultValue)) return `\${${parameter.variable}:-${parameter.defaultValue}}`;
  return `\${${parameter.variable}:?${missingHint}}`;
}

/** Parameters by variable, for `interpolate`. */
export function parametersByVariable(parameters: readonly PublishParameter[]): Map<string, PublishParameter> {
  return new Map(parameters.map((p) => [p.variable, p]));
}
