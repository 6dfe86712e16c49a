import path from "node:path";
import { BosunError } from "../errors/bosun-error.js";
import { reportUncaughtBosunErrors } from "../errors/report-uncaught.js";
import { describeAppHost, type AppHostInfo } from "../model/app-host-info.js";
import { callError, checkCall, checkOptions, describeValue, type CallContext } from "../model/argument-checks.js";
import { recordCallSite } from "../model/call-site.js";
import { ConnectionStringResource } from "../model/connection-string-resource.js";
import { ContainerResource, splitImageTag } from "../model/container-resource.js";
import { markDerived } from "../model/derived-resources.js";
import { ExecutableResource } from "../model/executable-resource.js";
import { NodeAppResource } from "../model/node-app-resource.js";
import { GENERATED_PASSWORD_LENGTH, ParameterResource, type ParameterOptions } from "../model/parameter-resource.js";
import { Resource } from "../model/resource.js";
import { ResourceBuilder } from "../model/resource-builder.js";
import { validateModel } from "../model/validation/validate-model.js";
import type { BuilderExtension } from "./builder-extension.js";
import { DistributedApplication } from "./distributed-application.js";

export interface BuilderOptions {
  /** Folder relative paths resolve against; default: the folder of the script Node started. */
  readonly appHostDirectory?: string;
  /** Name used in labels and volume names; default: the project's folder name. */
  readonly appName?: string;
}

export interface AddResourceOptions {
  /**
   * The resource the user named that this one is made for (`cache` for `cache-password`): its
   * name problems are reported on that resource, once.
   */
  readonly derivedFrom?: string;
}

/**
 * Collects the application model. Nothing starts until `build().run()`. Each method checks its
 * arguments' types as it is called; `build()` checks their values and the graph, and an error
 * nobody catches prints as its message alone (see docs/errors.md).
 */
export class DistributedApplicationBuilder {
  readonly appHost: AppHostInfo;
  readonly resources: Resource[] = [];
  readonly #extensions = new Set<string>();

  constructor(options: BuilderOptions = {}) {
    reportUncaughtBosunErrors();
    checkOptions(call("createBuilder", 'createBuilder({ appName: "shop" })', ""), options, { appHostDirectory: "string?", appName: "string?" });
    this.appHost = describeAppHost(options.appHostDirectory, options.appName);
  }

  /**
   * Adds a resource built by an integration and returns a builder for it.
   * @example const server = app.addResource(new PostgresServerResource(name, user, password))
   */
  addResource<R extends Resource>(resource: R, options: AddResourceOptions = {}): ResourceBuilder<R> {
    const context = call("addResource", "app.addResource(new ContainerResource(name))");
    if (!(resource instanceof Resource)) throw callError(context, `expects a Resource, got ${describeValue(resource)}`);
    checkCall(context, { "the resource's name": [resource.name, "string"] });
    checkOptions(context, options, { derivedFrom: "string?" });
    recordCallSite(resource);
    if (options.derivedFrom !== undefined) markDerived(resource, options.derivedFrom);
    this.resources.push(resource);
    return new ResourceBuilder(resource, this.appHost);
  }

  /**
   * A container from an image (`name:tag`, default tag `latest`).
   * @example builder.addContainer("mailpit", "axllent/mailpit:v1.21").withHttpEndpoint({ targetPort: 8025 })
   */
  addContainer(name: string, image: string): ResourceBuilder<ContainerResource> {
    checkCall(call("addContainer", 'builder.addContainer("mailpit", "axllent/mailpit:v1.21")'), { "the name": [name, "string"], "the image": [image, "string"] });
    const parsed = splitImageTag(image);
    const resource = new ContainerResource(name);
    resource.addAnnotation({ type: "container-image", registry: undefined, image: parsed.image, tag: parsed.tag ?? "latest" });
    return this.addResource(resource);
  }

  /**
   * A program run as a child process.
   * @example builder.addExecutable("worker", "python3", "../worker", ["main.py"])
   */
  addExecutable(name: string, command: string, workingDirectory: string, args: string[] = []): ResourceBuilder<ExecutableResource> {
    const context = call("addExecutable", 'builder.addExecutable("worker", "python3", "../worker", ["main.py"])');
    checkCall(context, { "the name": [name, "string"], "the command": [command, "string"], "the working directory": [workingDirectory, "string"], "the arguments": [args, "array"] });
    checkCall(context, Object.fromEntries(args.map((arg, i) => [`argument ${i + 1}`, [arg, "value"] as const])));
    const resource = new ExecutableResource(name, command, this.#resolvePath(workingDirectory));
    if (args.length > 0) resource.addAnnotation({ type: "args", args });
    return this.addResource(resource);
  }

  /**
   * A Node.js app; `.ts` scripts run through tsx.
   * @example builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ env: "PORT" })
   */
  addNodeApp(name: string, appDirectory: string, script: string): ResourceBuilder<NodeAppResource> {
    const context = call("addNodeApp", 'builder.addNodeApp("api", "../api", "src/index.ts")');
    checkCall(context, { "the name": [name, "string"], "the app's folder": [appDirectory, "string"], "the script": [script, "string"] });
    const resource = new NodeAppResource(name, this.#resolvePath(appDirectory), script);
    resource.addAnnotation({ type: "args", args: [script] });
    return this.addResource(resource);
  }

  /**
   * An npm script (`npm run <scriptName>`) in the app's folder.
   * @example builder.addNpmApp("frontend", "../frontend", "dev").withHttpEndpoint({ env: "PORT" })
   */
  addNpmApp(name: string, appDirectory: string, scriptName = "start"): ResourceBuilder<ExecutableResource> {
    const context = call("addNpmApp", 'builder.addNpmApp("frontend", "../frontend", "dev")');
    checkCall(context, { "the name": [name, "string"], "the app's folder": [appDirectory, "string"], "the script name": [scriptName, "string"] });
    return this.addExecutable(name, "npm", appDirectory, ["run", scriptName]);
  }

  /**
   * A value supplied at run time (`Parameters__name`), optionally secret or generated.
   * @example builder.addParameter("api-key", { secret: true })
   */
  addParameter(name: string, options: ParameterOptions = {}): ResourceBuilder<ParameterResource> {
    const context = call("addParameter", 'builder.addParameter("api-key", { secret: true })');
    checkCall(context, { "the name": [name, "string"] });
    checkOptions(context, options, { secret: "boolean?", value: "string?", generate: "object?" });
    checkOptions({ ...context, example: "{ generate: { minLength: 22 } }" }, options.generate, { minLength: "number" });
    return this.addResource(new ParameterResource(name, options));
  }

  /**
   * The secret `<owner>-password` parameter an integration generates when the user gives no
   * password (22+ characters, kept in the AppHost's secrets file); its name problems are
   * reported on the owner.
   * @example const password = options.password?.resource ?? app.addGeneratedPassword(name).resource
   */
  addGeneratedPassword(ownerName: string): ResourceBuilder<ParameterResource> {
    const parameter = new ParameterResource(`${ownerName}-password`, { secret: true, generate: { minLength: GENERATED_PASSWORD_LENGTH } });
    return this.addResource(parameter, { derivedFrom: ownerName });
  }

  /**
   * An existing resource whose connection string comes from `ConnectionStrings__name`.
   * @example const crm = builder.addConnectionString("crm"); api.withReference(crm)
   */
  addConnectionString(name: string): ResourceBuilder<ConnectionStringResource> {
    checkCall(call("addConnectionString", 'builder.addConnectionString("crm")'), { "the name": [name, "string"] });
    return this.addResource(new ConnectionStringResource(name));
  }

  /**
   * Adds an integration's methods to this builder.
   * @example const builder = createBuilder().use(postgres).use(redis)
   */
  use<M extends object>(extension: BuilderExtension<M>): this & M {
    const context = call("use", "createBuilder().use(postgres)");
    checkCall(context, { "an extension (from defineExtension)": [extension, "object"] });
    checkCall(context, { "the extension's name": [extension.name, "string"], "the extension's methods": [extension.methods, "function"] });
    if (this.#extensions.has(extension.name)) return this as this & M;
    const methods = extension.methods(this);
    for (const key of Object.keys(methods)) {
      if (key in this) {
        throw new BosunError(`extension '${extension.name}' defines '${key}', which the builder already has; rename it in the extension`, {
          code: "CONFIGURATION",
        });
      }
    }
    this.#extensions.add(extension.name);
    return Object.assign(this, methods);
  }

  /** Validates the whole model and returns the application; throws one error listing every problem. */
  build(): DistributedApplication {
    validateModel(this.resources);
    return new DistributedApplication(this.resources, this.appHost);
  }

  #resolvePath(folder: string): string {
    return path.resolve(this.appHost.directory, folder);
  }
}

function call(method: string, example: string, receiver = "builder."): CallContext {
  return { call: `${receiver}${method}(…)`, example };
}

/**
 * Starts an AppHost's model.
 * @example const builder = createBuilder(); builder.addRedis("cache"); await builder.build().run();
 */
export function createBuilder(options: BuilderOptions = {}): DistributedApplicationBuilder {
  return new DistributedApplicationBuilder(options);
}
