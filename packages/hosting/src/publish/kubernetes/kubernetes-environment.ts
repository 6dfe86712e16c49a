import type { PublishEnvironmentEntry, PublishValue } from "../publish-model.js";
import type { YamlMapping } from "../render/yaml-text.js";

/** A container's variables: plain values for its ConfigMap, the rest as `env` entries. */
export interface ContainerEnvironment {
  /** Values without parameters, for the service's ConfigMap (`envFrom`). */
  readonly plain: Record<string, string>;
  /** `secretKeyRef`s to the parameters Secret first, then values built from them with `$(NAME)`. */
  readonly env: YamlMapping[];
  /** The variable holding a parameter, for `$(NAME)` in the container's `args`. */
  readonly referenceTo: (parameter: string) => string;
}

/**
 * Splits variables for Kubernetes. A value that is one parameter reads it from the parameters
 * Secret (`secretKeyRef`); a value that mixes text and parameters (a connection string) is written
 * with `$(NAME)` references, which the kubelet expands from variables defined before it, so a
 * parameter it needs is added as a `secretKeyRef` variable of its own (named after the parameter's
 * variable unless the container already uses that name). No parameter's value is ever written.
 */
export function containerEnvironment(entries: readonly PublishEnvironmentEntry[], secretName: string, args: readonly PublishValue[] = []): ContainerEnvironment {
  const plain: Record<string, string> = {};
  const references = new Map<string, string>();
  const taken = new Set(entries.map((e) => e.name));
  const referenceTo = (parameter: string): string => {
    const own = entries.find((e) => e.value.length === 1 && typeof e.value[0] !== "string" && e.value[0]!.parameter === parameter);
    if (own) return own.name;
    const name = taken.has(parameter) ? `BOSUN_PARAMETER_${parameter}` : parameter;
    references.set(name, parameter);
    return name;
  };
  const composed: YamlMapping[] = [];
  for (const entry of [...entries].sort(byName)) {
    const [only] = entry.value;
    if (entry.value.every((part) => typeof part === "string")) plain[entry.name] = entry.value.join("");
    else if (entry.value.length === 1 && typeof only !== "string") references.set(entry.name, only!.parameter);
    else composed.push({ name: entry.name, value: expandable(entry.value, referenceTo) });
  }
  for (const value of args) expandable(value, referenceTo);
  const fromSecret = [...references].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, key]) => ({ name, valueFrom: { secretKeyRef: { name: secretName, key } } }));
  return { plain, env: [...fromSecret, ...composed], referenceTo };
}

/**
 * A value in `env[].value`, `command` or `args`: literal `$` doubled (the kubelet reads `$$` as `$`),
 * each parameter a `$(NAME)` reference to the variable that holds it.
 */
export function expandable(value: PublishValue, referenceTo: (parameter: string) => string): string {
  return value.map((part) => (typeof part === "string" ? part.replaceAll("$", "$$$$") : `$(${referenceTo(part.parameter)})`)).join("");
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
