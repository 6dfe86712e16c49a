import path from "node:path";
import { BosunError } from "../errors/bosun-error.js";
import { describeAppHost, type AppHostInfo } from "../model/app-host-info.js";
import { ConnectionStringResource } from "../model/connection-string-resource.js";
import { ContainerResource, splitImageTag } from "../model/container-resource.js";
import { ExecutableResource } from "../model/executable-resource.js";
import { NodeAppResource } from "../model/node-app-resource.js";
import { ParameterResource, type ParameterOptions } from "../model/parameter-resource.js";
import type { Resource } from "../model/resource.js";
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

/** Collects the application model. Nothing starts until `build().run()`. */
export class DistributedApplicationBuilder {
  readonly appHost: AppHostInfo;
  readonly resources: Resource[] = [];
  readonly #extensions = new Set<string>();

  constructor(options: BuilderOptions = {}) {
    this.appHost = describeAppHost(options.appHostDirectory, options.appName);
  }

  /** Adds a resource built by an integration and returns a builder for it. */
  addResource<R extends Resource>(resource: R): ResourceBuilder<R> {
    this.resources.push(resource);
    return new ResourceBuilder(resource, this.appHost);
  }

  /**
   * A container from an image (`name:tag`, default tag `latest`).
   * @example builder.addContainer("mailpit", "axllent/mailpit:v1.21").withHttpEndpoint({ targetPort: 8025 })
   */
  addContainer(name: string, image: string): ResourceBuilder<ContainerResource> {
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
    const resource = new ExecutableResource(name, command, this.#resolvePath(workingDirectory));
    if (args.length > 0) resource.addAnnotation({ type: "args", args });
    return this.addResource(resource);
  }

  /**
   * A Node.js app; `.ts` scripts run through tsx.
   * @example builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ env: "PORT" })
   */
  addNodeApp(name: string, appDirectory: string, script: string): ResourceBuilder<NodeAppResource> {
    const resource = new NodeAppResource(name, this.#resolvePath(appDirectory), script);
    resource.addAnnotation({ type: "args", args: [script] });
    return this.addResource(resource);
  }

  /**
   * An npm script (`npm run <scriptName>`) in the app's folder.
   * @example builder.addNpmApp("frontend", "../frontend", "dev").withHttpEndpoint({ env: "PORT" })
   */
  addNpmApp(name: string, appDirectory: string, scriptName = "start"): ResourceBuilder<ExecutableResource> {
    return this.addExecutable(name, "npm", appDirectory, ["run", scriptName]);
  }

  /**
   * A value supplied at run time (`Parameters__name`), optionally secret or generated.
   * @example builder.addParameter("api-key", { secret: true })
   */
  addParameter(name: string, options: ParameterOptions = {}): ResourceBuilder<ParameterResource> {
    return this.addResource(new ParameterResource(name, options));
  }

  /**
   * An existing resource whose connection string comes from `ConnectionStrings__name`.
   * @example const crm = builder.addConnectionString("crm"); api.withReference(crm)
   */
  addConnectionString(name: string): ResourceBuilder<ConnectionStringResource> {
    return this.addResource(new ConnectionStringResource(name));
  }

  /**
   * Adds an integration's methods to this builder.
   * @example const builder = createBuilder().use(postgres).use(redis)
   */
  use<M extends object>(extension: BuilderExtension<M>): this & M {
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

/**
 * Starts an AppHost's model.
 * @example const builder = createBuilder(); builder.addRedis("cache"); await builder.build().run();
 */
export function createBuilder(options: BuilderOptions = {}): DistributedApplicationBuilder {
  return new DistributedApplicationBuilder(options);
}
