import path from "node:path";
import type { PublishModel, PublishMount, PublishPort, PublishService, PublishWarning } from "../publish-model.js";
import { healthTest, healthTiming } from "../render/health-test.js";
import { interpolate, parametersByVariable } from "../render/interpolation.js";
import { toYamlText, type YamlMapping } from "../render/yaml-text.js";

export const COMPOSE_FILE = "docker-compose.yaml";
const MISSING_HINT = "set it in .env, see .env.example";
const CONDITIONS = { healthy: "service_healthy", started: "service_started", completed: "service_completed_successfully" } as const;

export interface RenderedTarget {
  readonly files: ReadonlyMap<string, string>;
  readonly warnings: readonly PublishWarning[];
}

/** The model as `docker-compose.yaml` (Compose Specification, runs on docker-compose 1.29 too). */
export function renderCompose(model: PublishModel, outputDirectory: string, header: readonly string[]): RenderedTarget {
  const warnings: PublishWarning[] = [];
  const parameters = parametersByVariable(model.parameters);
  const value = (v: Parameters<typeof interpolate>[0]) => interpolate(v, parameters, MISSING_HINT);
  const services = Object.fromEntries(
    [...model.services].sort(byName).map((service) => [service.name, composeService(service, value, outputDirectory, warnings)]),
  );
  // no top-level `name`: docker-compose 1.29 rejects it; COMPOSE_PROJECT_NAME in .env names the project
  const document: YamlMapping = { services };
  if (model.volumes.length > 0) document.volumes = Object.fromEntries(model.volumes.map((v) => [v.name, {}]));
  return { files: new Map([[COMPOSE_FILE, toYamlText(header, document)]]), warnings };
}

function composeService(service: PublishService, value: (v: Parameters<typeof interpolate>[0]) => string, outputDirectory: string, warnings: PublishWarning[]) {
  const entry: YamlMapping = { image: service.image };
  if (service.build) {
    // Compose reads the Dockerfile's path relative to the context, the model has it relative to the output folder
    const dockerfile = path.posix.relative(service.build.context, service.build.dockerfile);
    entry.build = { context: service.build.context, dockerfile, ...(Object.keys(service.build.args).length > 0 ? { args: service.build.args } : {}) };
  }
  if (service.containerName) entry.container_name = service.containerName;
  if (service.command.length > 0) entry.command = service.command.map(value);
  if (service.environment.length > 0) entry.environment = Object.fromEntries(service.environment.map((e) => [e.name, value(e.value)]));
  const ports = service.ports.filter((p) => p.hostPort !== undefined || p.external).map(composePort);
  if (ports.length > 0) entry.ports = ports;
  if (service.volumes.length > 0) entry.volumes = service.volumes.map((m) => composeMount(m, outputDirectory));
  if (service.healthChecks.length > 0) entry.healthcheck = { test: healthTest(service.healthChecks, value), ...healthTiming(service.healthChecks) };
  if (service.dependencies.length > 0) {
    entry.depends_on = Object.fromEntries(
      service.dependencies.map((d) => {
        if (d.kind === "completed" && d.exitCode !== 0) {
          warnings.push({ code: "COMPOSE_EXIT_CODE", resource: service.name, message: `'${service.name}' waits for '${d.service}' to exit with ${d.exitCode}; Compose can only wait for exit code 0 (service_completed_successfully)` });
        }
        return [d.service, { condition: CONDITIONS[d.kind] }];
      }),
    );
  }
  entry.restart = service.restart === "always" ? "unless-stopped" : "on-failure";
  return entry;
}

function composePort(port: PublishPort): string {
  if (port.hostPort === undefined) return `${port.containerPort}`;
  const host = port.hostIp ? `${port.hostIp}:${port.hostPort}` : `${port.hostPort}`;
  return `${host}:${port.containerPort}`;
}

function composeMount(mount: PublishMount, outputDirectory: string): string {
  const suffix = mount.readOnly ? ":ro" : "";
  if (mount.source === undefined) return `${mount.target}${suffix}`;
  if (mount.kind === "volume") return `${mount.source}:${mount.target}${suffix}`;
  const relative = path.relative(outputDirectory, mount.source).split(path.sep).join("/");
  return `${relative.startsWith(".") ? relative : `./${relative}`}:${mount.target}${suffix}`;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
