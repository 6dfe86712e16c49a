import type { PublishEnvironmentEntry, PublishParameter, PublishService, PublishValue } from "../publish-model.js";

/** Where a secret is in a container: `/run/secrets/<VARIABLE>`. */
export function secretPath(parameter: PublishParameter): string {
  return `/run/secrets/${parameter.variable}`;
}

/** The secret parameters a value holds. */
export function secretsIn(value: PublishValue, parameters: ReadonlyMap<string, PublishParameter>): PublishParameter[] {
  return value.flatMap((part) => {
    const parameter = typeof part === "string" ? undefined : parameters.get(part.parameter);
    return parameter?.secret ? [parameter] : [];
  });
}

/** How one variable reaches a container on Swarm. */
export type SwarmVariable =
  | { readonly how: "file"; readonly name: string; readonly path: string; readonly secret: PublishParameter }
  | { readonly how: "template"; readonly name: string; readonly value: PublishValue; readonly secrets: PublishParameter[] }
  | { readonly how: "interpolated"; readonly name: string; readonly value: PublishValue; readonly secrets: PublishParameter[] };

/**
 * A variable holding a secret becomes, in this order: `NAME_FILE` when the image reads it
 * (integration's `fileVariables`) and the value is just the secret; a `${VAR}` template the app's
 * own entrypoint fills from `/run/secrets` (CONTRACT.md); else an interpolation from the deploying
 * shell's environment, which the report lists.
 */
export function swarmVariable(service: PublishService, entry: PublishEnvironmentEntry, parameters: ReadonlyMap<string, PublishParameter>): SwarmVariable {
  const secrets = secretsIn(entry.value, parameters);
  const [only] = entry.value;
  if (secrets.length > 0 && entry.value.length === 1 && typeof only !== "string" && service.fileVariables.includes(entry.name)) {
    return { how: "file", name: `${entry.name}_FILE`, path: secretPath(secrets[0]!), secret: secrets[0]! };
  }
  if (secrets.length > 0 && service.kind !== "container") return { how: "template", name: entry.name, value: entry.value, secrets };
  return { how: "interpolated", name: entry.name, value: entry.value, secrets };
}

/** A value with its placeholders as literal `${VAR}` in the container (`$$` in a stack file). */
export function literalTemplate(value: PublishValue): string {
  return value.map((part) => (typeof part === "string" ? part.replaceAll("$", () => "$$") : `$\${${part.parameter}}`)).join("");
}
