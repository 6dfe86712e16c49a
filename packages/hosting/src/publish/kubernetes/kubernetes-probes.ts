import type { PublishHealthCheck, PublishService, PublishValue } from "../publish-model.js";
import { shellQuote } from "../render/health-test.js";
import type { YamlMapping } from "../render/yaml-text.js";

/** Liveness restarts a container, so it tolerates more failures than readiness, checked less often. */
const LIVENESS = { periodSeconds: 10, failureThreshold: 6 } as const;

export interface ServiceProbes {
  readonly readinessProbe: YamlMapping;
  readonly startupProbe: YamlMapping;
  readonly livenessProbe: YamlMapping;
}

/**
 * Probes from a service's health checks: readiness and startup run the check (startup allows its
 * start period), liveness the same cheap check with a higher failure threshold. An HTTP or TCP check
 * of the app's own services becomes `httpGet`/`tcpSocket` on the container port (an integer); other
 * checks run as `exec`, through `sh -c` when there are several or a value needs the environment.
 */
export function serviceProbes(service: PublishService, referenceTo: (parameter: string) => string): ServiceProbes | undefined {
  const checks = service.healthChecks;
  if (checks.length === 0) return undefined;
  const action = probeAction(service, checks, referenceTo);
  const max = (pick: (c: PublishHealthCheck) => number) => Math.max(...checks.map(pick));
  const interval = max((c) => c.intervalSeconds);
  const timeout = max((c) => c.timeoutSeconds);
  const retries = max((c) => c.retries);
  const startFailures = Math.max(retries, Math.ceil(max((c) => c.startPeriodSeconds) / interval) + retries);
  return {
    readinessProbe: { ...action, periodSeconds: interval, timeoutSeconds: timeout, failureThreshold: retries },
    startupProbe: { ...action, periodSeconds: interval, timeoutSeconds: timeout, failureThreshold: startFailures },
    livenessProbe: { ...action, ...LIVENESS, timeoutSeconds: timeout },
  };
}

function probeAction(service: PublishService, checks: readonly PublishHealthCheck[], referenceTo: (parameter: string) => string): YamlMapping {
  const [only] = checks;
  if (checks.length === 1 && only && service.kind !== "container" && only.port !== undefined) {
    if (only.kind === "http" && only.path !== undefined) return { httpGet: { path: only.path, port: only.port } };
    if (only.kind === "tcp") return { tcpSocket: { port: only.port } };
  }
  return { exec: { command: checkCommand(checks, referenceTo) } };
}

/**
 * The checks as one command: the exec form for a single exec check without parameters, else
 * `sh -c` with the checks joined by `&&` and parameters read as `${NAME}` from the container's
 * environment (a probe's command is not expanded by the kubelet).
 */
export function checkCommand(checks: readonly PublishHealthCheck[], referenceTo: (parameter: string) => string): string[] {
  const [only] = checks;
  if (checks.length === 1 && only && "exec" in only.command && only.command.exec.every(isLiteral)) return only.command.exec.map((arg) => arg.join(""));
  return ["sh", "-c", checks.map((check) => shellText(check, referenceTo)).join(" && ")];
}

/** A check as shell text. */
export function shellText(check: PublishHealthCheck, referenceTo: (parameter: string) => string): string {
  if ("exec" in check.command) return check.command.exec.map((arg) => (isLiteral(arg) ? shellQuote(arg.join("")) : `"${shellValue(arg, true, referenceTo)}"`)).join(" ");
  return shellValue(check.command.shell, false, referenceTo);
}

function shellValue(value: PublishValue, quoted: boolean, referenceTo: (parameter: string) => string): string {
  return value.map((part) => (typeof part === "string" ? (quoted ? part.replace(/["\\$`]/g, "\\$&") : part) : `\${${referenceTo(part.parameter)}}`)).join("");
}

function isLiteral(value: PublishValue): boolean {
  return value.every((part) => typeof part === "string");
}
