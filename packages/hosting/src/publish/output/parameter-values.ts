import type { AppHostInfo } from "../../model/app-host-info.js";
import { ParameterResource } from "../../model/parameter-resource.js";
import { ConnectionStringResource } from "../../model/connection-string-resource.js";
import type { Resource } from "../../model/resource.js";
import { resolveParameters } from "../../parameters/resolve-parameters.js";
import { readSecrets, secretsFilePath } from "../../parameters/secrets-file.js";
import type { PublishParameter } from "../publish-model.js";

/**
 * The values `run` would use for the published parameters (environment, the AppHost's secrets
 * file, defaults; generated ones created and saved as `run` does), keyed by variable. A parameter
 * with no value anywhere is left out: `.env` then lacks it and Compose names it.
 */
export async function parameterValues(
  resources: readonly Resource[],
  appHost: AppHostInfo,
  published: readonly PublishParameter[],
  env: NodeJS.ProcessEnv,
): Promise<Map<string, string>> {
  const stored = await readSecrets(secretsFilePath(appHost, env));
  const byName = new Map(allParameters(resources).map((p) => [p.name, p]));
  const wanted = published.flatMap((p) => {
    const parameter = byName.get(p.name);
    if (!parameter) return [];
    const known = env[parameter.configKey] ?? env[parameter.configKey.replaceAll("-", "_")] ?? stored[parameter.name] ?? parameter.defaultValue;
    return known !== undefined || parameter.generate ? [parameter] : [];
  });
  const resolved = await resolveParameters(wanted, appHost, env);
  const variables = new Map(published.map((p) => [p.name, p.variable]));
  return new Map([...resolved.values].map(([parameter, value]) => [variables.get(parameter.name)!, value]));
}

function allParameters(resources: readonly Resource[]): ParameterResource[] {
  return resources.flatMap((r) => (r instanceof ParameterResource ? [r] : r instanceof ConnectionStringResource ? [r.value] : []));
}
