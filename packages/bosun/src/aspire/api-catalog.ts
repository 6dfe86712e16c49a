import { ASPIRE_EXPORTS, ASPIRE_MEMBERS } from "./aspire-api-names.js";
import * as ENUMS from "./enums.js";

/** bosun has the API under the same name and meaning. */
export interface Supported {
  readonly status: "supported";
  readonly note?: string;
}
/** bosun honours the API with one of its own features, named in `to`. */
export interface Mapped {
  readonly status: "mapped";
  readonly to: string;
}
/** bosun cannot honour the API: calling it throws at the call with the reason and what to use instead. */
export interface Refusal {
  readonly status: "refused";
  readonly reason: string;
  readonly instead: string;
}
export type Decision = Supported | Mapped | Refusal;

const ok = (note?: string): Supported => (note ? { status: "supported", note } : { status: "supported" });
const mapped = (to: string): Mapped => ({ status: "mapped", to });
const refused = (reason: string, instead: string): Refusal => ({ status: "refused", reason, instead });

/** The decisions taken one name at a time; every other Aspire name falls under a rule below. */
const DECISIONS: Readonly<Record<string, Decision>> = {
  connect: refused("bosun runs the AppHost in Node, with no .NET host to connect to", "leave it out: createBuilder() is all an AppHost needs"),
  registerCallback: refused("bosun runs the AppHost in Node, with no .NET host to call back", "pass the function to the method that takes it"),
  Handle: refused("bosun has no .NET objects to hold", "use the builders createBuilder() returns"),
  CancellationToken: refused("bosun has no .NET cancellation tokens", "use an AbortSignal"),
  CapabilityError: mapped("BosunError, which every bosun error is"),
  AppHostUsageError: mapped("BosunError, which every bosun error is"),
  EndpointProperty: ok(),
  ProtocolType: ok("exported so AppHosts load; withEndpoint refuses any protocol but Tcp"),
  createBuilder: mapped("bosun's createBuilder() with the postgres, redis and rabbitmq integrations; options `args`, `projectDirectory`, `appHostFilePath`, `disableDashboard`"),
  refExpr: mapped("bosun's expr`…`: values render per target (host process, container, publisher)"),
  ReferenceExpression: mapped("bosun's ReferenceExpression; getValue() renders manifest placeholders"),
  ContainerLifetime: mapped('"session" / "persistent" lifetimes'),
  DistributedApplicationOperation: ok(),
  EnvironmentCallbackContext: mapped("the callback runs once when the app is built, before any resource starts"),
  build: ok("waits for pending calls, then checks the model as bosun's build() does"),
  run: mapped("bosun's run(): the AppHost command line (run, publish, manifest, down, …)"),
  appHostDirectory: ok(),
  executionContext: ok(),
  isRunMode: ok("true unless the command is `publish` or `manifest`"),
  isPublishMode: ok("true for `publish` and `manifest`"),
  operation: ok(),
  publisherName: mapped("the publish target (`compose` by default after addDockerComposeEnvironment), or `manifest`"),
  addContainer: ok(),
  addExecutable: ok(),
  addParameter: ok(),
  addParameterWithValue: mapped("addParameter(name, { value, secret })"),
  addConnectionString: ok(),
  addPostgres: ok(),
  addDatabase: ok(),
  addRedis: ok(),
  addRedisWithPort: mapped("addRedis(name, { port })"),
  addRabbitMQ: ok(),
  addNodeApp: ok(),
  addJavaScriptApp: mapped("an npm script (`npm run <runScriptName>`, default `dev`) in the app's folder"),
  addViteApp: mapped("`npm run <runScriptName> -- --port <port> --strictPort` (default `dev`) with an http endpoint; PORT is set too"),
  addDockerComposeEnvironment: mapped("the Compose publisher: `publish` without `--target` writes docker-compose.yaml"),
  withRunScript: mapped("the app runs as `npm run <script> [-- args]` instead of `node <script>`; call it before referencing the app"),
  withEnvironment: ok(),
  withEnvironmentCallback: mapped("a callback run once at build(), before any resource starts; its values render per target"),
  withEnvironmentCallbackAsync: mapped("as withEnvironmentCallback"),
  withEnvironmentParameter: mapped("withEnvironment(name, parameter)"),
  withEnvironmentEndpoint: mapped("withEnvironment(name, endpoint url)"),
  withArgs: ok(),
  withEndpoint: ok("isProxied is accepted: bosun has no proxy, the app listens on the allocated port itself"),
  withHttpEndpoint: ok("object form and positional form (port, targetPort, name, env, isProxied)"),
  withExternalHttpEndpoints: ok(),
  withHttpHealthCheck: ok(),
  withHealthCheck: refused("Aspire's health checks are .NET checks registered by key", "use withHttpHealthCheck({ path }) or bosun's native withHealthCheck(name, probe)"),
  withReference: ok("connectionName and optional are refused"),
  withServiceReference: mapped("withReference(app): services__<name>__<endpoint>__0 and <NAME>_<ENDPOINT>"),
  waitFor: ok(),
  waitForStart: ok(),
  waitForCompletion: ok(),
  getEndpoint: ok(),
  withLifetime: mapped('withLifetime("session" | "persistent")'),
  withDataVolume: ok("isReadOnly: true is refused"),
  withDataBindMount: mapped("withBindMount(source, the image's data folder)"),
  withVolume: ok(),
  withBindMount: ok(),
  withContainerName: ok(),
  withImage: ok(),
  withImageTag: ok(),
  withImageRegistry: ok(),
  withHostPort: ok(),
  withInitFiles: ok(),
  withPgAdmin: mapped("bosun's pgAdmin (one per app, every server registered); containerName and configureContainer are honoured"),
  withRedisCommander: mapped("a `<name>-commander` container (rediscommander/redis-commander) connected to the server with its password"),
  withManagementPlugin: ok(),
  withManagementPluginWithPort: mapped("withManagementPlugin(port)"),
  withPersistence: mapped("withPersistence(seconds, changes): interval in .NET ticks (10,000,000 a second), rounded to whole seconds"),
  withPassword: mapped("Redis: RedisBuilder.withPassword(parameter) (call it before withRedisCommander/withRedisInsight); PostgreSQL and RabbitMQ refuse it at the call: pass { password } to addPostgres/addRabbitMQ"),
  withUserName: refused("bosun sets a server's user when it is added", "pass it to addPostgres/addRabbitMQ(name, { userName })"),
  primaryEndpoint: ok(),
  managementEndpoint: ok(),
  host: ok(),
  port: ok(),
  url: ok(),
  scheme: ok(),
  targetPort: ok(),
  endpointName: ok(),
  resource: ok(),
  name: ok(),
  uriExpression: ok(),
  connectionStringExpression: ok(),
  databaseName: ok(),
  userNameReference: ok(),
  environmentVariables: ok("set, get, containsKey, remove"),
  getValue: mapped("the value rendered as bosun's manifest renders it (placeholders for ports and secrets): values are known only once `run` starts them"),
  getValueAsync: mapped("as getValue"),
  withBrowserDebugger: refused("bosun starts no browser and attaches no debugger to one", "open the app's URL yourself; use .withInspect() (native) to debug a Node app"),
  withCommand: refused("bosun's dashboard has no custom resource commands", "run the action from a script, or `npx tsx apphost.ts restart <name>`"),
  addCSharpApp: refused("bosun runs no .NET", "use builder.addExecutable(name, command, dir, args)"),
  addCSharpAppWithOptions: refused("bosun runs no .NET", "use builder.addExecutable(name, command, dir, args)"),
  addProject: refused("bosun runs no .NET", "use builder.addExecutable(name, command, dir, args)"),
  addProjectWithOptions: refused("bosun runs no .NET", "use builder.addExecutable(name, command, dir, args)"),
  addDotnetTool: refused("bosun runs no .NET", "use builder.addExecutable(name, command, dir, args)"),
  addPythonApp: mapped("a process `python <script>` in the app's folder: its `.venv/bin/python` when that exists, else `python3` from PATH; bosun creates no virtual environment and installs no requirements"),
  addPythonModule: mapped("a process `python -m <module>`, with addPythonApp's interpreter"),
  addPythonExecutable: mapped("a process running the app's `.venv/bin/<name>`, else `<name>` from PATH"),
  addUvicornApp: mapped("a process `uvicorn <app> --host 127.0.0.1 --port <port> --reload` (0.0.0.0 and no --reload when publishing) on an http endpoint with PORT; the app's `.venv/bin/uvicorn` when it exists, else from PATH"),
  withHttpsEndpoint: refused("bosun serves development endpoints over plain HTTP and issues no certificates", "use withHttpEndpoint()"),
  withHttpsDeveloperCertificate: refused("bosun issues no development certificates", "use withHttpEndpoint()"),
  withNpm: mapped("npm runs the app's script (the default); `{ install: false }` only: any other is refused at the call, since bosun installs no packages (run npm install first)"),
  withYarn: mapped("`yarn run <script> <args>` runs the app's script; `{ install: false }` only: any other is refused at the call, since bosun installs no packages (run yarn install first)"),
  withPnpm: mapped("`pnpm run <script> <args>` runs the app's script; `{ install: false }` only: any other is refused at the call, since bosun installs no packages (run pnpm install first)"),
  withBun: mapped("`bun run <script> <args>` runs the app's script; `{ install: false }` only: any other is refused at the call, since bosun installs no packages (run bun install first)"),
  withBuildScript: mapped("recorded: `run` runs no build script (as Aspire's run mode); `publish` is refused, since bosun's publisher would not run it"),
  withViteConfig: mapped("`--config <file>` on Vite's dev server (addViteApp only)"),
  addDockerfile: refused(
    "bosun's run starts containers from images and builds none from a Dockerfile (its engine layer builds images only when publishing apps)",
    'build it first (`docker build -t <name> <folder>`) and use builder.addContainer(name, "<name>"), or run the app with addNodeApp/addExecutable',
  ),
  withPgWeb: mapped("one `pgweb` container for the app (sosedoff/pgweb:0.17.0, web UI on 8081) started with `--url` for the server's first database; containerName and configureContainer are honoured; pgweb for a second server is refused"),
  withRedisInsight: mapped("a `<name>-insight` container (redis/redisinsight:3.0, web UI on 5540, data in /data) with the server preconfigured by RI_REDIS_HOST/PORT/ALIAS/PASSWORD"),
  tlsEnabled: mapped("always false: bosun's endpoints and Redis serve no TLS"),
  withPostgresMcp: refused("bosun has no MCP integrations", "run the MCP server with addContainer"),
  withMcpServer: refused("bosun has no MCP integrations", "run the MCP server with addContainer"),
  withCreationScript: refused("bosun creates each database with CREATE DATABASE only", "put the script in withInitFiles(folder) on the server"),
  jdbcConnectionString: mapped("PostgreSQL: `jdbc:postgresql://host:port[/database]`, without credentials, as Aspire's"),
  publishAsDockerComposeService: refused("bosun's Compose publisher takes no per-service callback", "edit the written docker-compose.yaml, or use withKubernetes-style publish options (docs/publishing.md)"),
  withProperties: refused("bosun's Compose publisher takes no environment properties", "pass publish options (docs/publishing.md)"),
  withDashboard: refused("bosun publishes no dashboard into Compose", "run `npx tsx apphost.ts` for bosun's own dashboard"),
  configureDashboard: refused("bosun publishes no dashboard into Compose", "run `npx tsx apphost.ts` for bosun's own dashboard"),
  defaultNetworkName: refused("bosun names the Compose network itself", "edit the written docker-compose.yaml"),
  dashboardEnabled: refused("bosun publishes no dashboard into Compose", "run `npx tsx apphost.ts` for bosun's own dashboard"),
  environment: refused("bosun has no .NET host environment", "read process.env or executionContext"),
  eventing: refused("bosun has no .NET eventing", "subscribe to the running app's events in a test (RunningApp.events())"),
  userSecretsManager: refused("bosun keeps generated secrets in its own per-AppHost secrets file", "see docs/secrets.md"),
  getConfiguration: refused("bosun has no .NET configuration", "read process.env"),
  addParameterFromConfiguration: refused("bosun has no .NET configuration", "use addParameter(name): its value comes from Parameters__name"),
  withExplicitStart: refused("bosun starts every resource with the app", "leave the resource out, or start it from a test with RunningApp.startResource"),
  withEnvironmentExpression: mapped("withEnvironment(name, expression)"),
  withEnvironmentConnectionString: mapped("withEnvironment(name, the resource's connection string)"),
  withArgsCallback: refused("bosun's arguments are fixed when the model is built", "pass expressions to withArgs (refExpr, endpoints, parameters)"),
  withArgsCallbackAsync: refused("bosun's arguments are fixed when the model is built", "pass expressions to withArgs (refExpr, endpoints, parameters)"),
  withWorkingDirectory: refused("bosun runs an app in the folder it was added with", "pass that folder to addExecutable/addNodeApp"),
};

/** Aspire integrations bosun has no counterpart of: their methods are refused, naming the integration. */
const INTEGRATIONS_BOSUN_LACKS = ["Attu", "Garnet", "Kafka", "Keycloak", "Milvus", "Mongo", "MySql", "PhpMyAdmin", "Nats", "Qdrant", "Seq", "SqlServer", "Valkey", "Oracle", "Orleans", "DevTunnel", "Maui", "Kubernetes", "Foundry", "GitHubModel", "OpenAI"];

function integrationRefusal(family: string): Refusal {
  if (family === "Kubernetes") return refused("bosun's Kubernetes publisher takes no settings from the model here", "use `publish --target kubernetes` with its options, or withKubernetes (docs/publishing.md)");
  if (["Orleans", "DevTunnel", "Maui"].includes(family)) return refused(`bosun has no ${family} integration (it runs no .NET workloads or tunnels)`, "use builder.addExecutable(name, command, dir, args)");
  if (["Foundry", "GitHubModel", "OpenAI"].includes(family)) return refused(`bosun has no ${family} integration (it provisions no hosted AI models)`, "pass the endpoint and key with addParameter and withEnvironment");
  return refused(`bosun has no ${family} integration`, "run it with builder.addContainer(name, image) and its endpoints");
}

const AZURE = refused("bosun provisions no Azure resources", "use a container for local development (addContainer) and provision Azure with your own tooling");

/** Families of names decided together. */
const RULES: readonly (readonly [RegExp, Refusal])[] = [
  ...INTEGRATIONS_BOSUN_LACKS.map((family) => [new RegExp(`^add${family}`), integrationRefusal(family)] as const),
  [/Azure|Bicep|Storage|EventHub|KeyVault|RoleAssignment|Emulator|FromOutput/, AZURE],
  [/^(on[A-Z]|subscribe)/, refused("bosun has no .NET eventing", "read resource events from RunningApp.events() in a test")],
  [/Pipeline|ReportingStep|ReportingTask|Step$/, refused("bosun has no publish pipeline steps", "use `publish --target compose|swarm|kubernetes` (docs/publishing.md)")],
  [/Url|Icon|Description|Relationship|excludeFromM/, refused("bosun's dashboard shows endpoints and names only", "leave it out; bosun prints each endpoint's URL")],
  [/Otlp|Logger|Telemetry/, refused("bosun injects no OpenTelemetry settings", "configure OpenTelemetry in the app (see @bosun/service-defaults)")],
  [/Yarp|Route|Cluster|Transform|Forwarded/, refused("bosun has no YARP integration", "run a reverse proxy with addContainer")],
  [/Dockerfile|BuildArg|BuildSecret|ContainerRegistry|RemoteImage|publishAs|ContainerFiles|PullPolicy|SHA256/, refused("bosun runs images and builds none in this API", "build the image first and use addContainer(name, image)")],
  [/Certificate|Https|Tls/, refused("bosun issues no certificates", "use plain HTTP endpoints in development")],
  [/Debug|Inspect/, refused("bosun has no Aspire debugging integration", "use .withInspect() (native) or `run --inspect`")],
  [/Probe|Health/, refused("bosun's health checks are HTTP or integration probes", "use withHttpHealthCheck({ path })")],
];

/** Families decided by the classes that have the name, when every one of them is of the family. */
const CLASS_RULES: readonly (readonly [RegExp, Refusal])[] = [
  [/^(Azure|Bicep)/, AZURE],
  [/^Yarp/, refused("bosun has no YARP integration", "run a reverse proxy with addContainer")],
  [/^(Pipeline|Reporting)/, refused("bosun has no publish pipeline steps", "use `publish --target compose|swarm|kubernetes` (docs/publishing.md)")],
  [/^(DotnetTool|Project|CSharp)/, refused("bosun runs no .NET", "use builder.addExecutable(name, command, dir, args)")],
  [/^(Python|Uvicorn)/, refused("bosun does not manage Python virtual environments", "use builder.addExecutable(name, command, dir, args)")],
  [/^DockerCompose/, refused("bosun's Compose publisher takes no environment settings", "pass publish options (docs/publishing.md)")],
  ...INTEGRATIONS_BOSUN_LACKS.map((family) => [new RegExp(`^${family}`), integrationRefusal(family)] as const),
];

/** Aspire-style method names this layer does not know (another integration's): refused all the same, never ignored. */
const UNKNOWN_API = /^(add|with|without|publish|run|subscribe|exclude|configure|clear|wait)[A-Z]/;
const UNKNOWN_REFUSAL = refused("bosun has no such integration or setting", "see docs/aspire-compatibility.md for what bosun offers, or use addContainer/addExecutable");

/** Aspire's enums: exported so AppHosts load; the APIs that take them are decided one by one. */
const ENUM_EXPORT: Supported = ok("exported so AppHosts that import it load; the APIs that take it are refused unless listed as supported");

const ALL_NAMES: ReadonlySet<string> = new Set([...ASPIRE_EXPORTS, ...Object.values(ASPIRE_MEMBERS).flatMap((members) => members.split(" "))]);
const DEFAULT_REFUSAL = refused("bosun has no equivalent", "see docs/aspire-compatibility.md for what bosun offers");

/** The decision for an Aspire API name, or undefined when Aspire's TypeScript AppHost has no such name. */
export function decisionFor(name: string): Decision | undefined {
  const decision = DECISIONS[name];
  if (decision) return decision;
  if (Object.hasOwn(ENUMS, name)) return ENUM_EXPORT;
  if (!ALL_NAMES.has(name)) return UNKNOWN_API.test(name) ? UNKNOWN_REFUSAL : undefined;
  const owners = aspireApiClasses().get(name) ?? [];
  const byClass = CLASS_RULES.find(([pattern]) => owners.length > 0 && owners.every((owner) => pattern.test(owner)));
  if (byClass) return byClass[1];
  return RULES.find(([pattern]) => pattern.test(name))?.[1] ?? DEFAULT_REFUSAL;
}

/** Every name of Aspire's TypeScript AppHost API this layer answers for. */
export function aspireApiNames(): readonly string[] {
  return [...ALL_NAMES].sort((a, b) => a.localeCompare(b));
}

/** The generated classes that have each Aspire API name (top-level exports have none). */
export function aspireApiClasses(): ReadonlyMap<string, readonly string[]> {
  API_CLASSES ??= classesOfNames();
  return API_CLASSES;
}

let API_CLASSES: ReadonlyMap<string, readonly string[]> | undefined;

function classesOfNames(): ReadonlyMap<string, readonly string[]> {
  const classes = new Map<string, string[]>();
  for (const [owner, members] of Object.entries(ASPIRE_MEMBERS)) {
    for (const member of members.split(" ")) classes.set(member, [...(classes.get(member) ?? []), owner]);
  }
  return classes;
}
