import { randomInt } from "node:crypto";
import { BosunError } from "../errors/bosun-error.js";
import { MIN_SECRET_LENGTH } from "../errors/secret-forms.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import { ConnectionStringResource } from "../model/connection-string-resource.js";
import { ParameterResource } from "../model/parameter-resource.js";
import type { Resource } from "../model/resource.js";
import { readSecrets, secretsFilePath, writeSecrets } from "./secrets-file.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A password from a cryptographic source; letters and digits only, so it is safe in any URI. */
export function generatePassword(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export interface ResolvedParameters {
  readonly values: ReadonlyMap<ParameterResource, string>;
  /** Parameters whose value was generated just now (none existed before). */
  readonly generated: readonly ParameterResource[];
  /** Where generated values are kept. */
  readonly secretsFile: string;
}

/**
 * Every parameter's value: the environment wins (`Parameters__name`, or `ConnectionStrings__name`),
 * then the AppHost's secrets file, then the default, then a generated value that is saved to the
 * secrets file so it stays stable for existing data volumes. Throws one error listing every
 * parameter without a value, before anything starts.
 */
export async function resolveParameters(
  resources: readonly Resource[],
  appHost: AppHostInfo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedParameters> {
  const file = secretsFilePath(appHost, env);
  const stored = await readSecrets(file);
  const values = new Map<ParameterResource, string>();
  const missing: string[] = [];
  const generated: ParameterResource[] = [];
  for (const parameter of parametersOf(resources)) {
    const value = env[parameter.configKey] ?? env[parameter.configKey.replaceAll("-", "_")] ?? stored[parameter.name] ?? parameter.defaultValue;
    if (value !== undefined) values.set(parameter, value);
    else if (parameter.generate) {
      stored[parameter.name] = generatePassword(parameter.generate.minLength);
      values.set(parameter, stored[parameter.name]!);
      generated.push(parameter);
    } else missing.push(`'${parameter.name}': set ${parameter.configKey} in the environment`);
  }
  if (missing.length > 0) {
    throw new BosunError(`parameters without a value:\n${missing.map((m) => `  - ${m}`).join("\n")}`, { code: "CONFIGURATION" });
  }
  refuseShortSecrets(values, file);
  if (generated.length > 0) await writeSecrets(file, stored);
  return { values, generated, secretsFile: file };
}

/**
 * A secret of one to three characters cannot be masked in output without mangling ordinary text,
 * so it is refused rather than printed. The message names each parameter, where its value came from
 * in order of precedence, and the fix.
 */
function refuseShortSecrets(values: ReadonlyMap<ParameterResource, string>, secretsFile: string): void {
  const short = [...values].filter(([parameter, value]) => parameter.secret && value.length < MIN_SECRET_LENGTH).map(([parameter]) => parameter);
  if (short.length === 0) return;
  const lines = short.map(
    (p) =>
      `  - '${p.name}': give it a value of at least ${MIN_SECRET_LENGTH} characters in ${p.configKey} (or in ${secretsFile}, or as its default); ` +
      `if it is not a secret, declare it without { secret: true }`,
  );
  throw new BosunError(`secret parameters too short to be masked in output:\n${lines.join("\n")}`, { code: "CONFIGURATION" });
}

function parametersOf(resources: readonly Resource[]): ParameterResource[] {
  return resources.flatMap((r) => (r instanceof ParameterResource ? [r] : r instanceof ConnectionStringResource ? [r.value] : []));
}
