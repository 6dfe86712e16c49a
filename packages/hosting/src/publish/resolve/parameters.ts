import type { ParameterResource } from "../../model/parameter-resource.js";
import type { PublishParameter, PublishService, PublishValue } from "../publish-model.js";

/** Every parameter the published services refer to, sorted by variable, with a line for `.env.example`. */
export function describeParameters(services: readonly PublishService[], parameters: ReadonlyMap<string, ParameterResource>): PublishParameter[] {
  const users = new Map<string, Set<string>>();
  for (const service of services) {
    for (const value of valuesOf(service)) {
      for (const part of value) if (typeof part !== "string") users.set(part.parameter, (users.get(part.parameter) ?? new Set()).add(service.name));
    }
  }
  return [...users.keys()].sort().map((variable) => {
    const parameter = parameters.get(variable)!;
    const generated = parameter.generate !== undefined;
    const what = parameter.secret ? "secret" : "value";
    const origin = generated ? "; `publish --env-file` copies the value `run` generated" : "";
    const description = `${what} of parameter '${parameter.name}', used by ${[...users.get(variable)!].sort().join(", ")}${origin}`;
    const defaultValue = !parameter.secret && parameter.defaultValue !== undefined ? { defaultValue: parameter.defaultValue } : {};
    return { name: parameter.name, variable, secret: parameter.secret, generated, description, ...defaultValue };
  });
}

function valuesOf(service: PublishService): PublishValue[] {
  return [
    ...service.command,
    ...service.environment.map((e) => e.value),
    ...service.healthChecks.flatMap((c) => [...("exec" in c.command ? c.command.exec : [c.command.shell]), ...c.environment.map((e) => e.value)]),
    // only the app's own services probe their dependencies themselves (Swarm's BOSUN_WAIT_FOR)
    ...(service.kind === "container" ? [] : service.dependencies.flatMap((d) => (d.probe ? [d.probe.target] : []))),
  ];
}
