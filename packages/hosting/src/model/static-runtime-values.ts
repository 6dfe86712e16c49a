import type { AllocatedEndpoint, RuntimeValues } from "./value-resolver.js";

/**
 * Run-time values given up front, for resolving a model's environment without any engine (tests,
 * docs): endpoints keyed `resource/endpoint`, parameters by name. Asking for anything else throws.
 * @example renderEnvironment(api.resource, createRuntimeResolver("host", staticRuntimeValues({ "db/tcp": pg }, { "db-password": "pw" })))
 */
export function staticRuntimeValues(endpoints: Readonly<Record<string, AllocatedEndpoint>>, parameters: Readonly<Record<string, string>> = {}): RuntimeValues {
  return {
    endpoint: (reference) => {
      const allocated = endpoints[`${reference.resource.name}/${reference.endpointName}`];
      if (!allocated) throw new Error(`no allocation for ${reference.resource.name}/${reference.endpointName}`);
      return allocated;
    },
    parameter: (parameter) => {
      const value = parameters[parameter.name];
      if (value === undefined) throw new Error(`no value for parameter ${parameter.name}`);
      return value;
    },
  };
}
