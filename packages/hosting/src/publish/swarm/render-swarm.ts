import type { PublishModel, PublishParameter, PublishService, PublishValue, PublishWarning } from "../publish-model.js";
import type { RenderedTarget } from "../compose/render-compose.js";
import { healthTest, healthTiming } from "../render/health-test.js";
import { interpolate, parametersByVariable } from "../render/interpolation.js";
import { toYamlText, type YamlMapping } from "../render/yaml-text.js";
import { swarmMount, swarmPort } from "./swarm-fields.js";
import { SECRET_TEMPLATES_VARIABLE } from "../images/entrypoint/secret-templates.js";
import { WAIT_FOR_VARIABLE } from "../images/entrypoint/wait-targets.js";
import { literalTemplate, secretsIn, swarmVariable } from "./swarm-secrets.js";

export const STACK_FILE = "stack.yaml";
export const SECRETS_FOLDER = "secrets";
const MISSING_HINT = "export it before docker stack deploy, see .env.example";
/** Stateful services stay on the node that holds their volume. */
export const STATEFUL_PLACEMENT = "node.role == manager";
/** How long the app images' entrypoint waits for dependencies by default (`BOSUN_WAIT_TIMEOUT`). */
const WAIT_TIMEOUT_SECONDS = 300;
const MEMORY_LIMIT = { stateful: "1G", stateless: "512M" } as const;

/** The model as a `docker stack deploy` file (legacy Compose v3.8 schema). */
export interface SwarmOptions {
  /** `vip`: Swarm's virtual IPs and routing mesh; `dnsrr`: task addresses and host-mode ports (no IPVS needed). */
  readonly endpointMode: "vip" | "dnsrr";
}

export function renderSwarm(model: PublishModel, header: readonly string[], options: SwarmOptions = { endpointMode: "vip" }): RenderedTarget {
  const warnings: PublishWarning[] = [];
  const parameters = parametersByVariable(model.parameters);
  const used = new Set<PublishParameter>();
  const services = Object.fromEntries(
    [...model.services].sort((a, b) => (a.name < b.name ? -1 : 1)).map((service) => [service.name, swarmService(service, parameters, used, warnings, options)]),
  );
  const document: YamlMapping = { version: "3.8", services };
  if (model.volumes.length > 0) document.volumes = Object.fromEntries(model.volumes.map((v) => [v.name, {}]));
  const secrets = [...used].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (secrets.length > 0) document.secrets = Object.fromEntries(secrets.map((p) => [p.name, { file: `./${SECRETS_FOLDER}/${p.name}` }]));
  warnings.push({ code: "SWARM_NO_STOP_ORDER", message: "Swarm stops a stack's services all at once, not in reverse dependency order" });
  return { files: new Map([[STACK_FILE, toYamlText(header, document)]]), warnings };
}

function swarmService(service: PublishService, parameters: ReadonlyMap<string, PublishParameter>, used: Set<PublishParameter>, warnings: PublishWarning[], options: SwarmOptions) {
  const value = (v: PublishValue) => interpolate(v, parameters, MISSING_HINT);
  const entry: YamlMapping = { image: service.image };
  if (service.command.length > 0) entry.command = service.command.map(value);
  const { environment, mounted, interpolated } = swarmEnvironment(service, parameters);
  for (const parameter of service.command.flatMap((arg) => secretsIn(arg, parameters))) interpolated.add(parameter.variable);
  if (interpolated.size > 0) {
    warnings.push({
      code: "SWARM_SECRET_IN_ENVIRONMENT",
      resource: service.name,
      message: `'${service.name}' gets ${[...interpolated].sort().join(", ")} from the deploying shell's environment (its image reads no *_FILE variable for it), so the value is visible in docker service inspect`,
    });
  }
  if (Object.keys(environment).length > 0) entry.environment = environment;
  const ports = service.ports.filter((p) => p.hostPort !== undefined || p.external);
  if (ports.some((p) => p.hostIp && !p.external)) {
    warnings.push({ code: "SWARM_PORT_ALL_INTERFACES", resource: service.name, message: `Swarm publishes '${service.name}' ports on every interface of every node; it cannot bind to ${ports.find((p) => p.hostIp)!.hostIp}` });
  }
  if (ports.length > 0) entry.ports = ports.map((port) => swarmPort(port, options.endpointMode === "dnsrr" ? "host" : "ingress"));
  if (service.volumes.length > 0) entry.volumes = service.volumes.map(swarmMount);
  for (const m of service.volumes.filter((m) => m.kind === "bind")) {
    warnings.push({ code: "SWARM_BIND_MOUNT", resource: service.name, message: `'${service.name}' mounts ${m.source}, which must exist at that path on the node the task runs on` });
  }
  const secrets = [...mounted].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const secret of secrets) used.add(secret);
  if (secrets.length > 0) entry.secrets = secrets.map((p) => ({ source: p.name, target: p.variable }));
  if (service.healthChecks.length > 0) {
    const timing = healthTiming(service.healthChecks);
    // A task still waiting in its entrypoint must not be killed as unhealthy: the start period covers the wait.
    const startPeriod = environment[WAIT_FOR_VARIABLE] === undefined ? timing.start_period : `${WAIT_TIMEOUT_SECONDS}s`;
    entry.healthcheck = { test: healthTest(service.healthChecks, value), ...timing, start_period: startPeriod };
  }
  entry.deploy = {
    ...(options.endpointMode === "dnsrr" ? { endpoint_mode: "dnsrr" } : {}),
    replicas: service.replicas,
    restart_policy: { condition: service.restart === "always" ? "any" : "on-failure", delay: "2s" },
    resources: { limits: { memory: service.stateful ? MEMORY_LIMIT.stateful : MEMORY_LIMIT.stateless } },
    ...(service.stateful ? { placement: { constraints: [STATEFUL_PLACEMENT] } } : {}),
  };
  warnOrder(service, warnings);
  if (service.containerName) warnings.push({ code: "SWARM_CONTAINER_NAME", resource: service.name, message: `Swarm names the containers of '${service.name}' itself; container name '${service.containerName}' is dropped` });
  return entry;
}

function swarmEnvironment(service: PublishService, parameters: ReadonlyMap<string, PublishParameter>) {
  const environment: Record<string, string> = {};
  const mounted = new Set<PublishParameter>();
  const interpolated = new Set<string>();
  const templates: string[] = [];
  for (const entry of service.environment) {
    const variable = swarmVariable(service, entry, parameters);
    if (variable.how === "file") {
      environment[variable.name] = variable.path;
      mounted.add(variable.secret);
    } else if (variable.how === "template") {
      environment[variable.name] = literalTemplate(variable.value);
      variable.secrets.forEach((s) => mounted.add(s));
      templates.push(variable.name);
    } else {
      environment[variable.name] = interpolate(variable.value, parameters, MISSING_HINT);
      variable.secrets.forEach((s) => interpolated.add(s.variable));
    }
  }
  if (service.kind !== "container" && service.dependencies.some((d) => d.probe && d.kind !== "completed")) {
    const waits = service.dependencies.filter((d) => d.probe && d.kind !== "completed");
    const list = waits.map((d) => ({ service: d.service, kind: d.kind, probe: d.probe!.kind, target: d.probe!.target }));
    const secrets = list.flatMap((w) => secretsIn(w.target, parameters));
    const json = JSON.stringify(list.map((w) => ({ ...w, target: w.target.map((p) => (typeof p === "string" ? p : `\${${p.parameter}}`)).join("") })));
    environment[WAIT_FOR_VARIABLE] = json.replaceAll("$", () => "$$");
    if (secrets.length > 0) templates.push(WAIT_FOR_VARIABLE);
    secrets.forEach((s) => mounted.add(s));
  }
  if (templates.length > 0) environment[SECRET_TEMPLATES_VARIABLE] = templates.sort().join(",");
  return { environment: sortKeys(environment), mounted, interpolated };
}

function warnOrder(service: PublishService, warnings: PublishWarning[]): void {
  for (const dependency of service.dependencies) {
    if (dependency.kind === "completed") {
      warnings.push({ code: "SWARM_NO_COMPLETION_WAIT", resource: service.name, message: `Swarm cannot start '${service.name}' after '${dependency.service}' has completed; it starts at once` });
    } else if (service.kind === "container") {
      warnings.push({ code: "SWARM_NO_START_ORDER", resource: service.name, message: `Swarm starts '${service.name}' without waiting for '${dependency.service}' (its image has no bosun entrypoint); it restarts until that one is up` });
    }
  }
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

