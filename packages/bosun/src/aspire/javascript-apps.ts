import { EndpointReference, ExecutableResource, ResourceBuilder, type ExpressionValue, type Resource } from "@bosun/hosting";
import type { Chained } from "./chained.js";
import { refuse } from "./refusals.js";
import { AspireResource } from "./resource.js";

/**
 * Aspire's JavaScript apps: a Node script (addNodeApp), an npm script (addJavaScriptApp) or Vite's
 * dev server (addViteApp). withRunScript turns any of them into `npm run <script>`.
 */
export class AspireJavaScriptApp extends AspireResource {
  override readonly aspireKind: string = "javascriptApp";
  /** Vite's dev server is told its port on the command line (`--port`), as Vite expects. */
  vite = false;

  /**
   * Runs `npm run <script> [-- args]` in the app's folder instead of its default command. Call it
   * before another resource references the app.
   * @example builder.addNodeApp("api", "./api", "src/server.ts").withRunScript("dev")
   */
  withRunScript(script: string, options: { args?: string[] } = {}): Chained<this> {
    if (typeof script !== "string") throw new TypeError(`resource '${this.native.name}': withRunScript takes the npm script's name`);
    this.native = asNpmScript(this.native, (resource) => npmArgs(script, options.args ?? [], this.vite ? vitePortArgs(resource) : []));
    return this.done();
  }
}

/** `npm run <script> -- <args>`; npm passes what follows `--` to the script. */
export function npmArgs(script: string, args: readonly ExpressionValue[], extra: readonly ExpressionValue[]): ExpressionValue[] {
  const passed = [...args, ...extra];
  return ["run", script, ...(passed.length > 0 ? ["--", ...passed] : [])];
}

/** Vite's `--port <port> --strictPort`: it listens on the port bosun allocated, or fails. */
export function vitePortArgs(resource: Resource): ExpressionValue[] {
  return ["--port", new EndpointReference(resource, "http").property("targetPort"), "--strictPort"];
}

/**
 * The same resource run as an npm script: bosun's builder of an executable `npm` with the same name,
 * folder and annotations, in the same place in the model.
 */
function asNpmScript(native: ResourceBuilder<Resource>, argsFor: (resource: Resource) => ExpressionValue[]): ResourceBuilder<ExecutableResource> {
  const old = native.resource as ExecutableResource;
  const model = (native as unknown as { appHostModel?: Resource[] }).appHostModel;
  if (!model) throw new TypeError(`resource '${old.name}': withRunScript needs a resource added by this builder`);
  const referencedBy = model.find((other) => other.annotations.some((annotation) => "target" in annotation && annotation.target === old));
  if (referencedBy) refuse(`withRunScript() on '${old.name}' after '${referencedBy.name}' references it`, "the app's command is fixed once others refer to it", `call .withRunScript(…) right after adding '${old.name}'`);
  const replacement = new ExecutableResource(old.name, "npm", old.workingDirectory);
  for (const annotation of old.annotations) if (annotation.type !== "args") replacement.annotations.push(annotation);
  replacement.addAnnotation({ type: "args", args: argsFor(replacement) });
  model.splice(model.indexOf(old), 1, replacement);
  const builder = new ResourceBuilder(replacement, native.appHost);
  Object.defineProperty(builder, "appHostModel", { value: model });
  return builder;
}

/** Remembers which model a builder's resource is in, so withRunScript can put a replacement in its place. */
export function rememberModel<B extends ResourceBuilder<Resource>>(builder: B, model: Resource[]): B {
  Object.defineProperty(builder, "appHostModel", { value: model });
  return builder;
}
