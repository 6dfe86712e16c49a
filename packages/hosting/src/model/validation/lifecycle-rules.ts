import type { HealthCheck } from "../health-check.js";
import type { Resource } from "../resource.js";
import { finding, type Finding } from "./finding.js";
import { isDuration, isExitCode } from "./value-formats.js";

const WAIT_KINDS = new Set(["healthy", "started", "completed"]);
const LIFETIMES = new Set(["session", "persistent"]);
const HEALTH_CHECK_KINDS = new Set(["http", "tcp", "probe"]);

/** Waits, health checks, start-up timeouts and lifetimes the orchestrator can act on. */
export function checkLifecycle(resources: readonly Resource[]): Finding[] {
  return resources.flatMap((resource) => [...checkWaits(resource), ...checkHealthChecks(resource), ...checkTimeoutsAndLifetimes(resource)]);
}

function checkWaits(resource: Resource): Finding[] {
  return resource.annotationsOf("wait").flatMap((wait) => {
    if (!WAIT_KINDS.has(wait.kind)) {
      return [finding(`resource '${resource.name}' waits for '${wait.target.name}' to be '${wait.kind}'; use waitFor, waitForStart or waitForCompletion`, wait)];
    }
    if (wait.kind === "completed" && !isExitCode(wait.exitCode)) {
      return [finding(`resource '${resource.name}' waits for '${wait.target.name}' to exit with code ${wait.exitCode}; an exit code is a whole number from 0 to 255`, wait)];
    }
    return [];
  });
}

function checkHealthChecks(resource: Resource): Finding[] {
  const findings: Finding[] = [];
  const names = new Set<string>();
  for (const annotation of resource.annotationsOf("health-check")) {
    const check = annotation.check;
    if (!HEALTH_CHECK_KINDS.has(check.kind)) {
      findings.push(finding(`resource '${resource.name}' has a health check of kind '${check.kind}'; use withHttpHealthCheck or withHealthCheck`, annotation));
      continue;
    }
    if (names.has(check.name)) {
      findings.push(finding(`resource '${resource.name}' has two health checks named '${check.name}'; give one of them another name`, annotation));
    }
    names.add(check.name);
    findings.push(...checkHealthCheck(resource, check).map((message) => finding(message, annotation)));
  }
  return findings;
}

function checkHealthCheck(resource: Resource, check: HealthCheck): string[] {
  const where = `resource '${resource.name}' health check '${check.name}'`;
  if (check.name === "") return [`resource '${resource.name}' has a health check without a name; name it, e.g. withHealthCheck("queue", probe)`];
  if (check.kind !== "http") return [];
  const problems: string[] = [];
  if (!check.path.startsWith("/")) problems.push(`${where} requests '${check.path}'; an HTTP path starts with '/' (e.g. "/health")`);
  if (!(Number.isInteger(check.statusCode) && check.statusCode >= 100 && check.statusCode <= 599)) {
    problems.push(`${where} expects status ${check.statusCode}; use an HTTP status from 100 to 599 (e.g. { statusCode: 204 })`);
  }
  return problems;
}

function checkTimeoutsAndLifetimes(resource: Resource): Finding[] {
  const findings: Finding[] = [];
  for (const timeout of resource.annotationsOf("startup-timeout")) {
    if (!isDuration(timeout.milliseconds)) {
      findings.push(finding(`resource '${resource.name}' has start-up timeout ${timeout.milliseconds}; give a positive number of milliseconds (e.g. .withStartupTimeout(120_000))`, timeout));
    }
  }
  for (const lifetime of resource.annotationsOf("lifetime")) {
    if (!LIFETIMES.has(lifetime.lifetime)) {
      findings.push(finding(`resource '${resource.name}' has lifetime '${lifetime.lifetime}'; use "session" or "persistent"`, lifetime));
    }
  }
  return findings;
}
