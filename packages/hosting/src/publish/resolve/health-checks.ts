import type { HealthCheck } from "../../model/health-check.js";
import type { Resource } from "../../model/resource.js";
import type { PublishEnvironmentEntry, PublishHealthCheck, PublishServiceKind, PublishWarning } from "../publish-model.js";
import type { ContainerPorts } from "./container-ports.js";
import { holdsSecret, type ValueRendering } from "./publish-values.js";

const DEFAULT_INTERVAL_SECONDS = 2;
const DEFAULT_TIMEOUT_SECONDS = 5;
const DEFAULT_START_PERIOD_SECONDS = 30;
const DEFAULT_RETRIES = 5;

export interface CheckContext {
  readonly kind: PublishServiceKind;
  readonly ports: ContainerPorts;
  readonly values: ValueRendering;
  readonly warn: (warning: PublishWarning) => void;
}

/**
 * The checks of a service: its own and its children's (a database's), each as a command run in
 * the container. HTTP and TCP checks of the app's own services use `node` (their image has no
 * curl); a check that cannot be run in the container is reported and left out.
 */
export function publishHealthChecks(members: readonly Resource[], context: CheckContext): PublishHealthCheck[] {
  const [service, ...children] = members.map((member) => checksOf(member, context));
  // a child's check of the same kind is the stricter one (pg_isready on the database, not only the server)
  const childKinds = new Set(children.flat().map((c) => c.kind));
  return [...(service ?? []).filter((c) => !childKinds.has(c.kind)), ...children.flat()];
}

function checksOf(member: Resource, context: CheckContext): PublishHealthCheck[] {
  return [member].flatMap((member) =>
    member.annotationsOf("health-check").flatMap(({ check }) => {
      const published = publishCheck(member, check, context);
      if (published) return [published];
      context.warn({
        code: "HEALTHCHECK_NOT_PUBLISHED",
        resource: member.name,
        message: `health check '${check.name}' of '${member.name}' has no form a published container can run (${reasonFor(check, context.kind)}); dependents wait only for the service to start`,
      });
      return [];
    }),
  );
}

function reasonFor(check: HealthCheck, kind: PublishServiceKind): string {
  if (check.kind === "probe") return "a probe function with no publishedCheck; an integration can add one";
  return kind === "container" ? `the image may have no HTTP or TCP client; add a probe health check with a publishedCheck through resource.addAnnotation (withHealthCheck takes none)` : "unknown";
}

function publishCheck(member: Resource, check: HealthCheck, context: CheckContext): PublishHealthCheck | undefined {
  if (check.kind === "probe") {
    const described = check.publishedCheck;
    if (!described) return undefined;
    const environment: PublishEnvironmentEntry[] = Object.entries(described.environment ?? {}).map(([name, raw]) => {
      const value = context.values.render(raw);
      return { name, value, secret: holdsSecret(value, context.values.parameters) };
    });
    const command = described.exec ? { exec: described.exec.map((arg) => context.values.render(arg)) } : { shell: context.values.render(described.shell ?? "true") };
    return {
      kind: described.kind,
      command,
      environment,
      intervalSeconds: described.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      startPeriodSeconds: described.startPeriodSeconds ?? DEFAULT_START_PERIOD_SECONDS,
      retries: DEFAULT_RETRIES,
    };
  }
  if (context.kind === "container") return undefined;
  const port = context.ports.forResource(member).get(check.endpointName)?.containerPort;
  if (port === undefined) return undefined;
  const timing = { intervalSeconds: DEFAULT_INTERVAL_SECONDS, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, startPeriodSeconds: DEFAULT_START_PERIOD_SECONDS, retries: DEFAULT_RETRIES };
  if (check.kind === "http") {
    const script = nodeHttpCheck(`http://127.0.0.1:${port}${check.path}`, check.statusCode, DEFAULT_TIMEOUT_SECONDS - 1);
    return { kind: "http", command: { exec: [["node"], ["-e"], [script]] }, environment: [], port, path: check.path, ...timing };
  }
  const script = `const s=require("net").connect(${port},"127.0.0.1",()=>{s.end();process.exit(0)});s.on("error",()=>process.exit(1));s.setTimeout(${(DEFAULT_TIMEOUT_SECONDS - 1) * 1000},()=>process.exit(1))`;
  return { kind: "tcp", command: { exec: [["node"], ["-e"], [script]] }, environment: [], port, ...timing };
}

/** A one-line node script: exit 0 when GET url answers the status, 1 otherwise or after the timeout. */
export function nodeHttpCheck(url: string, statusCode: number, timeoutSeconds: number): string {
  return `fetch("${url}",{signal:AbortSignal.timeout(${timeoutSeconds * 1000})}).then(r=>process.exit(r.status===${statusCode}?0:1),()=>process.exit(1))`;
}
