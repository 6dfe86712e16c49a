import type { EnvironmentValue } from "./annotations.js";
import { EndpointReference } from "./endpoint-reference.js";
import { hasConnectionString, hasEndpoints, type Resource } from "./resource.js";
import type { RenderTarget, ValueResolver } from "./value-resolver.js";

/** `auth-api` → `AUTH_API`: the prefix of the variables injected for a reference. */
export function environmentPrefix(resourceName: string): string {
  return resourceName.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/**
 * The variables `withReference(target)` injects, in Aspire's conventions, still unresolved: the
 * connection string and its parts for a resource that has one, else its endpoints' URLs.
 */
export function referenceEnvironment(target: Resource): Map<string, EnvironmentValue> {
  const env = new Map<string, EnvironmentValue>();
  const prefix = environmentPrefix(target.name);
  if (hasConnectionString(target)) {
    env.set(`ConnectionStrings__${target.name}`, target);
    for (const [suffix, value] of target.connectionProperties()) env.set(`${prefix}_${suffix}`, value);
  } else if (hasEndpoints(target)) {
    for (const endpoint of target.annotationsOf("endpoint")) {
      const url = new EndpointReference(target, endpoint.name);
      env.set(`services__${target.name}__${endpoint.name}__0`, url);
      env.set(`${prefix}_${environmentPrefix(endpoint.name)}`, url);
    }
  }
  return env;
}

/**
 * A resource's environment before rendering: annotations applied in the order they were added,
 * so a later `withEnvironment` overrides what an earlier reference injected.
 */
export function environmentOf(resource: Resource, target: RenderTarget): Map<string, EnvironmentValue> {
  const env = new Map<string, EnvironmentValue>();
  for (const annotation of resource.annotations) {
    switch (annotation.type) {
      case "environment":
        env.set(annotation.name, annotation.value);
        break;
      case "reference":
        for (const [name, value] of referenceEnvironment(annotation.target)) env.set(name, value);
        break;
      case "endpoint":
        if (annotation.env) env.set(annotation.env, new EndpointReference(resource, annotation.name).property("targetPort"));
        break;
      case "environment-callback":
        annotation.callback({ target, env });
        break;
    }
  }
  return env;
}

/** The environment as strings, ready to hand to a process or container. */
export function renderEnvironment(resource: Resource, resolver: ValueResolver): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [name, value] of environmentOf(resource, resolver.target)) rendered[name] = resolver.render(value);
  return rendered;
}

/** A `container-file` annotation with its content rendered. */
export interface RenderedFile {
  readonly target: string;
  readonly content: string;
}

/** The generated files of `container-file` annotations, their content rendered. */
export function renderFiles(resource: Resource, resolver: ValueResolver): RenderedFile[] {
  return resource.annotationsOf("container-file").map((file) => ({ target: file.target, content: file.content({ resolve: (value) => resolver.render(value) }) }));
}

/** The command-line arguments, rendered. */
export function renderArgs(resource: Resource, resolver: ValueResolver): string[] {
  return resource.annotationsOf("args").flatMap((a) => a.args.map((arg) => resolver.render(arg)));
}
