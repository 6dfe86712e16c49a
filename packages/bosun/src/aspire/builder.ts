import path from "node:path";
import { EndpointReference, type ParameterResource, type ResourceBuilder } from "@bosun/hosting";
import { commandOf } from "./execution-context.js";
import { createBuilder as createNativeBuilder } from "../native-builder.js";
import { AspireApp, buildApplication } from "./aspire-app.js";
import { chained, expose, settledNow, type Chained } from "./chained.js";
import { AspireContainer } from "./container.js";
import { ComposeEnvironment } from "./compose-environment.js";
import { AspireConnectionString, AspireParameter, AspirePostgres, AspireRabbitMQ, AspireRedis } from "./integrations.js";
import { AspireJavaScriptApp, npmArgs, rememberModel, vitePortArgs } from "./javascript-apps.js";
import { property } from "./properties.js";
import { pythonCommand } from "./python-apps.js";
import { refuse } from "./refusals.js";
import { AspireResource, type NativeBuilder } from "./resource.js";
import type { AppBuilder } from "../native-builder.js";

/** What Aspire's createBuilder takes; bosun honours these and refuses the others at the call. */
export interface CreateBuilderOptions {
  /** The AppHost's arguments; default: the script's (`process.argv.slice(2)`). */
  args?: string[];
  /** The folder relative paths resolve against; default: the AppHost script's folder. */
  projectDirectory?: string;
  /** The AppHost script; its folder is the AppHost's folder. */
  appHostFilePath?: string;
  /** `run` serves no dashboard (`--no-dashboard`). */
  disableDashboard?: boolean;
}

const HONOURED_OPTIONS = new Set(["args", "projectDirectory", "appHostFilePath", "disableDashboard"]);

type ServerOptions = { userName?: AspireParameter; password?: AspireParameter; port?: number };

/**
 * Aspire's DistributedApplicationBuilder on bosun's: the same add* methods, each returning an
 * awaitable that can be chained before it is awaited.
 */
export class AspireBuilder {
  readonly aspireKind = "builder";
  readonly appHostDirectory = property(() => this.app.native.appHost.directory);
  readonly executionContext = property(() => expose(this.app.executionContext));

  constructor(readonly app: AspireApp) {}

  private wrap<W extends AspireResource>(Wrapper: new (app: AspireApp, native: NativeBuilder) => W, native: NativeBuilder): Chained<W> {
    rememberModel(native, this.app.native.resources);
    return chained(new Wrapper(this.app, native));
  }

  /** @example await builder.addContainer("mail", "axllent/mailpit:v1.21").withHttpEndpoint({ targetPort: 8025 }) */
  addContainer(name: string, image: string): Chained<AspireContainer> {
    return this.wrap(AspireContainer, this.app.native.addContainer(name, image));
  }

  /** @example builder.addExecutable("worker", "python3", "./worker", ["main.py"]) */
  addExecutable(name: string, command: string, workingDirectory: string, args: string[] = []): Chained<AspireResource> {
    return this.wrap(AspireJavaScriptApp, this.app.native.addExecutable(name, command, workingDirectory, args));
  }

  /** @example const key = await builder.addParameter("api-key", { secret: true }) */
  addParameter(name: string, options: { secret?: boolean } = {}): Chained<AspireParameter> {
    return this.wrap(AspireParameter, this.app.native.addParameter(name, options));
  }

  /** @example builder.addParameterWithValue("mode", "dev") */
  addParameterWithValue(name: string, value: string, options: { secret?: boolean; publishValueAsDefault?: boolean } = {}): Chained<AspireParameter> {
    return this.wrap(AspireParameter, this.app.native.addParameter(name, { value, secret: options.secret ?? false }));
  }

  /** @example const crm = await builder.addConnectionString("crm") */
  addConnectionString(name: string, options: { environmentVariableName?: string } = {}): Chained<AspireConnectionString> {
    if (options.environmentVariableName !== undefined) refuse("addConnectionString(…, { environmentVariableName })", "bosun reads ConnectionStrings__<name>", "set ConnectionStrings__<name> in the environment");
    return this.wrap(AspireConnectionString, this.app.native.addConnectionString(name));
  }

  /** @example const db = await builder.addPostgres("postgres").addDatabase("db") */
  addPostgres(name: string, options: ServerOptions = {}): Chained<AspirePostgres> {
    return this.wrap(AspirePostgres, this.app.native.addPostgres(name, serverOptions(options)));
  }

  /** @example const cache = await builder.addRedis("cache", { port: 6380 }) */
  addRedis(name: string, options: Omit<ServerOptions, "userName"> = {}): Chained<AspireRedis> {
    return this.wrap(AspireRedis, this.app.native.addRedis(name, serverOptions(options)));
  }

  /** @example builder.addRedisWithPort("cache", { port: 6380 }) */
  addRedisWithPort(name: string, options: { port?: number } = {}): Chained<AspireRedis> {
    return this.addRedis(name, options);
  }

  /** @example const messaging = await builder.addRabbitMQ("messaging").withManagementPlugin() */
  addRabbitMQ(name: string, options: ServerOptions = {}): Chained<AspireRabbitMQ> {
    return this.wrap(AspireRabbitMQ, this.app.native.addRabbitMQ(name, serverOptions(options)));
  }

  /**
   * `node <script>` (through tsx for TypeScript) in the app's folder.
   * @example builder.addNodeApp("api", "./api", "src/server.ts").withHttpEndpoint({ env: "PORT" })
   */
  addNodeApp(name: string, appDirectory: string, scriptPath: string): Chained<AspireJavaScriptApp> {
    return this.wrap(AspireJavaScriptApp, this.app.native.addNodeApp(name, appDirectory, scriptPath));
  }

  /**
   * `python <script>` in the app's folder: the app's `.venv` interpreter when it exists, else
   * `python3` from PATH (bosun creates no virtual environment and installs no requirements).
   * @example builder.addPythonApp("worker", "./worker", "main.py").withHttpEndpoint({ env: "PORT" })
   */
  addPythonApp(name: string, appDirectory: string, scriptPath: string): Chained<AspireResource> {
    return this.addExecutable(name, pythonCommand(this.app.native.appHost.directory, appDirectory, "python", "python3"), appDirectory, [scriptPath]);
  }

  /**
   * `python -m <module>` in the app's folder, with the same interpreter as addPythonApp.
   * @example builder.addPythonModule("api", "./api", "myapp")
   */
  addPythonModule(name: string, appDirectory: string, moduleName: string): Chained<AspireResource> {
    return this.addExecutable(name, pythonCommand(this.app.native.appHost.directory, appDirectory, "python", "python3"), appDirectory, ["-m", moduleName]);
  }

  /**
   * A tool of the app's virtual environment (`.venv/bin/<name>`), else the one on PATH.
   * @example builder.addPythonExecutable("tests", "./api", "pytest")
   */
  addPythonExecutable(name: string, appDirectory: string, executableName: string): Chained<AspireResource> {
    return this.addExecutable(name, pythonCommand(this.app.native.appHost.directory, appDirectory, executableName), appDirectory);
  }

  /**
   * Uvicorn serving `app` (`module:attribute`) on an allocated http endpoint (PORT too), as Aspire's:
   * `uvicorn <app> --host <host> --port <port>`, with `--reload` when running; the app's
   * `.venv/bin/uvicorn` when it exists, else uvicorn from PATH.
   * @example builder.addUvicornApp("api", "./api", "main:app").withHttpHealthCheck({ path: "/health" })
   */
  addUvicornApp(name: string, appDirectory: string, app: string): Chained<AspireResource> {
    const running = commandOf(this.app.args) !== "publish" && commandOf(this.app.args) !== "manifest";
    const native = this.app.native.addExecutable(name, pythonCommand(this.app.native.appHost.directory, appDirectory, "uvicorn"), appDirectory).withHttpEndpoint({ env: "PORT" });
    const port = new EndpointReference(native.resource, "http").property("targetPort");
    native.withArgs(app, "--host", running ? "127.0.0.1" : "0.0.0.0", "--port", port, ...(running ? ["--reload"] : []));
    return this.wrap(AspireResource, native);
  }

  /**
   * `npm run <runScriptName>` (default `dev`) in the app's folder.
   * @example builder.addJavaScriptApp("api", "./api", { runScriptName: "start" })
   */
  addJavaScriptApp(name: string, appDirectory: string, options: { runScriptName?: string } = {}): Chained<AspireJavaScriptApp> {
    const app = this.wrap(AspireJavaScriptApp, this.app.native.addNpmApp(name, appDirectory, options.runScriptName ?? "dev"));
    settledNow(app)!.script = { name: options.runScriptName ?? "dev", args: [] };
    return app;
  }

  /**
   * Vite's dev server (`npm run dev -- --port <port> --strictPort`) on an allocated http endpoint; PORT is set too.
   * @example builder.addViteApp("frontend", "./frontend").withReference(api)
   */
  addViteApp(name: string, appDirectory: string, options: { runScriptName?: string } = {}): Chained<AspireJavaScriptApp> {
    const native = this.app.native.addExecutable(name, "npm", appDirectory).withHttpEndpoint({ env: "PORT" });
    native.withArgs(...npmArgs(options.runScriptName ?? "dev", [], vitePortArgs(native.resource)));
    const app = new AspireJavaScriptApp(this.app, rememberModel(native, this.app.native.resources));
    app.vite = true;
    app.script = { name: options.runScriptName ?? "dev", args: [] };
    return chained(app);
  }

  /**
   * Aspire's Docker Compose environment: `publish` without `--target` writes docker-compose.yaml.
   * @example await builder.addDockerComposeEnvironment("compose")
   */
  addDockerComposeEnvironment(name: string): Chained<ComposeEnvironment> {
    if (typeof name !== "string") throw new TypeError("addDockerComposeEnvironment takes a name");
    if (this.app.composeEnvironment !== undefined) refuse(`addDockerComposeEnvironment("${name}")`, `the app already publishes to Compose environment '${this.app.composeEnvironment}'`, "add one Compose environment");
    this.app.composeEnvironment = name;
    return chained(new ComposeEnvironment(name));
  }

  /**
   * Waits for pending calls and checks the model; `.run()` runs the AppHost's command.
   * @example await builder.build().run()
   */
  build() {
    return buildApplication(this.app);
  }
}

function serverOptions(options: ServerOptions): { userName?: ResourceBuilder<ParameterResource>; password?: ResourceBuilder<ParameterResource>; port?: number } {
  const result: { userName?: ResourceBuilder<ParameterResource>; password?: ResourceBuilder<ParameterResource>; port?: number } = {};
  if (options.userName !== undefined) result.userName = options.userName.native;
  if (options.password !== undefined) result.password = options.password.native;
  if (options.port !== undefined) result.port = options.port;
  return result;
}

/**
 * Aspire's createBuilder: bosun's builder with the PostgreSQL, Redis and RabbitMQ integrations,
 * behind Aspire's promise-style API.
 * @example const builder = await createBuilder(); await builder.addRedis("cache"); await builder.build().run();
 */
export async function createBuilder(options: CreateBuilderOptions = {}): Promise<AspireBuilder> {
  return expose(new AspireBuilder(aspireAppFor(createNativeBuilder(nativeOptions(options)), options)));
}

/** The Aspire side of a native builder: its command line and Aspire's options. */
export function aspireAppFor(native: AppBuilder, options: CreateBuilderOptions = {}): AspireApp {
  for (const key of Object.keys(options)) {
    if (!HONOURED_OPTIONS.has(key)) refuse(`createBuilder({ ${key} })`, "bosun has no such setting", "leave it out (see docs/aspire-compatibility.md)");
  }
  const args = [...(options.args ?? process.argv.slice(2))];
  if (options.disableDashboard && !args.includes("--no-dashboard") && (args.length === 0 || args[0] === "run")) args.push("--no-dashboard");
  return new AspireApp(native, args);
}

function nativeOptions(options: CreateBuilderOptions): { appHostDirectory?: string } {
  if (options.projectDirectory !== undefined) return { appHostDirectory: path.resolve(options.projectDirectory) };
  if (options.appHostFilePath !== undefined) return { appHostDirectory: path.dirname(path.resolve(options.appHostFilePath)) };
  return {};
}
