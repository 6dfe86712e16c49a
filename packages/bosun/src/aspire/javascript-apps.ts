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
  /** The package manager that runs the app's script (withNpm/withYarn/withPnpm/withBun; the last call wins). */
  packageManager: PackageManager = "npm";
  /** The script the app runs, once it runs one (addJavaScriptApp, addViteApp, withRunScript). */
  script: { name: string; args: readonly string[] } | undefined;
  /** Vite's config file (withViteConfig), passed as `--config`. */
  viteConfig: string | undefined;

  /**
   * Runs `npm run <script> [-- args]` in the app's folder instead of its default command. Call it
   * before another resource references the app.
   * @example builder.addNodeApp("api", "./api", "src/server.ts").withRunScript("dev")
   */
  withRunScript(script: string, options: { args?: string[] } = {}): Chained<this> {
    if (typeof script !== "string") throw new TypeError(`resource '${this.native.name}': withRunScript takes the npm script's name`);
    this.script = { name: script, args: options.args ?? [] };
    return this.rebuildCommand("withRunScript");
  }

  /** @example app.withNpm({ install: false }) */
  withNpm(options: InstallOptions = {}): Chained<this> {
    return this.usePackageManager("npm", options);
  }

  /** @example app.withYarn({ install: false }) */
  withYarn(options: InstallOptions = {}): Chained<this> {
    return this.usePackageManager("yarn", options);
  }

  /** @example app.withPnpm({ install: false }) */
  withPnpm(options: InstallOptions = {}): Chained<this> {
    return this.usePackageManager("pnpm", options);
  }

  /** @example app.withBun({ install: false }) */
  withBun(options: InstallOptions = {}): Chained<this> {
    return this.usePackageManager("bun", options);
  }

  /**
   * Vite's config file, passed to the dev server as `--config <file>`.
   * @example builder.addViteApp("web", "./web").withViteConfig("./vite.custom.config.ts")
   */
  withViteConfig(configPath: string): Chained<this> {
    if (!this.vite) refuse(`withViteConfig() on '${this.native.name}'`, "only addViteApp runs Vite's dev server", 'pass the config in the app\'s own script, or withArgs("--config", file)');
    this.viteConfig = configPath;
    return this.rebuildCommand("withViteConfig");
  }

  /**
   * The script Aspire runs before publishing. bosun's `run` runs none (as Aspire's run mode);
   * `publish` is refused for the app, since bosun's publisher would not run it.
   * @example app.withBuildScript("build")
   */
  withBuildScript(script: string, options: { args?: string[] } = {}): Chained<this> {
    if (typeof script !== "string") throw new TypeError(`resource '${this.native.name}': withBuildScript takes the script's name`);
    this.app.buildScripts.push({ resource: this.native.name, script: [script, ...(options.args ?? [])].join(" ") });
    return this.done();
  }

  private usePackageManager(manager: PackageManager, options: InstallOptions): Chained<this> {
    const call = `with${manager[0]!.toUpperCase()}${manager.slice(1)}`;
    if (options.install !== false) refuse(`${call}() installing packages for '${this.native.name}'`, "bosun does not install an app's packages", `run ${manager} install in the app's folder first and pass { install: false }`);
    this.packageManager = manager;
    return this.script === undefined ? this.done() : this.rebuildCommand(call);
  }

  private rebuildCommand(call: string): Chained<this> {
    const script = this.script ?? { name: "dev", args: [] };
    this.native = asScriptCommand(this.native, this.packageManager, call, (resource) =>
      runArgs(this.packageManager, script.name, [...script.args, ...(this.vite ? viteArgs(resource, this.viteConfig) : [])]),
    );
    return this.done();
  }
}

/** The package managers Aspire's JavaScript integration picks between. */
export type PackageManager = "npm" | "yarn" | "pnpm" | "bun";

/** What withNpm/withYarn/withPnpm/withBun take; bosun honours `install: false` only. */
export interface InstallOptions {
  install?: boolean;
  installCommand?: string;
  installArgs?: string[];
}

/**
 * `<manager> run <script> <args>`: npm passes what follows `--` to the script; yarn, pnpm and bun
 * pass the arguments after the script's name as they are (pnpm would pass a `--` on too).
 */
export function runArgs(manager: PackageManager, script: string, args: readonly ExpressionValue[]): ExpressionValue[] {
  if (manager !== "npm") return ["run", script, ...args];
  return npmArgs(script, args, []);
}

/** Vite's port arguments, and `--config <file>` after withViteConfig. */
function viteArgs(resource: Resource, configPath: string | undefined): ExpressionValue[] {
  return [...vitePortArgs(resource), ...(configPath === undefined ? [] : ["--config", configPath])];
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
 * The same resource run as a package manager's script: bosun's builder of an executable with the
 * same name, folder and annotations, in the same place in the model.
 */
function asScriptCommand(native: ResourceBuilder<Resource>, command: string, call: string, argsFor: (resource: Resource) => ExpressionValue[]): ResourceBuilder<ExecutableResource> {
  const old = native.resource as ExecutableResource;
  const model = (native as unknown as { appHostModel?: Resource[] }).appHostModel;
  if (!model) throw new TypeError(`resource '${old.name}': ${call} needs a resource added by this builder`);
  const referencedBy = model.find((other) => other.annotations.some((annotation) => "target" in annotation && annotation.target === old));
  if (referencedBy) refuse(`${call}() on '${old.name}' after '${referencedBy.name}' references it`, "the app's command is fixed once others refer to it", `call .${call}(…) right after adding '${old.name}'`);
  const replacement = new ExecutableResource(old.name, command, old.workingDirectory);
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
