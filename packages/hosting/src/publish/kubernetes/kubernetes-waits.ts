import type { PublishDependency, PublishHealthCheck, PublishService, PublishValue, PublishWarning } from "../publish-model.js";
import { shellQuote } from "../render/health-test.js";
import type { YamlMapping } from "../render/yaml-text.js";
import { containerEnvironment } from "./kubernetes-environment.js";
import { jobWaiterName, waitContainerName } from "./kubernetes-names.js";
import { checkCommand } from "./kubernetes-probes.js";

/** Images of the init containers that do not run a dependency's own check. */
export interface WaitImages {
  /** Has `sh`, `nc` and `wget`: waits for a TCP port or an HTTP answer. */
  readonly tools: string;
  /** Runs `kubectl wait` for a Job. */
  readonly kubectl: string;
}

export const DEFAULT_WAIT_IMAGES: WaitImages = { tools: "docker.io/library/busybox:1.36", kubectl: "registry.k8s.io/kubectl:v1.31.0" };
const LOOPBACK = /127\.0\.0\.1|localhost/g;
const HAS_LOOPBACK = /127\.0\.0\.1|localhost/;
const JOB_WAIT_TIMEOUT = "3600s";

export interface WaitContext {
  readonly appName: string;
  readonly secretName: string;
  readonly services: ReadonlyMap<string, PublishService>;
  readonly images: WaitImages;
  readonly warn: (warning: PublishWarning) => void;
}

/**
 * One init container per dependency, in the model's order. `healthy`: the dependency's own image
 * runs its own health check (the readiness probe's) against its Service until it passes, so
 * "ready" means the same to a dependent as to Kubernetes (Redis's PING authenticated, RabbitMQ's
 * AMQP handshake); `started`, or a dependency whose check cannot be pointed elsewhere: a TCP
 * connect or HTTP GET from a small tools image; `completed`: `kubectl wait` for the Job.
 */
export function waitContainers(service: PublishService, context: WaitContext): YamlMapping[] {
  return service.dependencies.flatMap((dependency) => {
    const container = waitContainer(service, dependency, context);
    return container ? [{ name: waitContainerName(dependency.service), ...container }] : [];
  });
}

/** Whether a service's pods read Jobs (and so run as the job-waiter ServiceAccount). */
export function waitsForJobs(service: PublishService): boolean {
  return service.dependencies.some((d) => d.kind === "completed");
}

function waitContainer(service: PublishService, dependency: PublishDependency, context: WaitContext): YamlMapping | undefined {
  const target = context.services.get(dependency.service)!;
  if (dependency.kind === "completed") {
    if (dependency.exitCode !== 0) {
      context.warn({ code: "KUBERNETES_EXIT_CODE", resource: service.name, message: `'${service.name}' waits for '${dependency.service}' to exit with ${dependency.exitCode}; a Job completes only with exit code 0, so '${service.name}' waits for that` });
    }
    return { image: context.images.kubectl, imagePullPolicy: "IfNotPresent", args: ["wait", "--for=condition=complete", `--timeout=${JOB_WAIT_TIMEOUT}`, `job/${dependency.service}`] };
  }
  if (dependency.kind === "healthy" && target.healthChecks.length > 0 && target.healthChecks.every(pointsAtLoopback)) {
    const checks = target.healthChecks.map((check) => retarget(check, target.name));
    const environment = containerEnvironment(checks.flatMap((c) => c.environment), context.secretName, checks.flatMap(commandValues));
    const plain = Object.entries(environment.plain).map(([name, value]) => ({ name, value }));
    const test = checkCommand(checks, environment.referenceTo);
    const shell = test[0] === "sh" ? test[2]! : test.map(shellQuote).join(" ");
    return {
      image: target.image,
      imagePullPolicy: "IfNotPresent",
      command: ["sh", "-c", untilPasses(shell, target.name)],
      ...(plain.length + environment.env.length > 0 ? { env: [...environment.env, ...plain] } : {}),
    };
  }
  const port = target.ports[0];
  if (!port) {
    context.warn({ code: "KUBERNETES_WAIT_NOT_EXPRESSED", resource: service.name, message: `'${service.name}' waits for '${dependency.service}', which has no port and no check to wait on; it starts at once` });
    return undefined;
  }
  const http = dependency.probe?.kind === "http" && dependency.probe.target.every((p) => typeof p === "string") ? dependency.probe.target.join("") : undefined;
  const test = http && dependency.kind === "healthy" ? `wget -q -T 2 -O /dev/null ${shellQuote(http)}` : `nc -z -w 2 ${target.name} ${port.containerPort}`;
  return { image: context.images.tools, imagePullPolicy: "IfNotPresent", command: ["sh", "-c", untilPasses(test, target.name)] };
}

function untilPasses(test: string, service: string): string {
  return `until ${test}; do echo "waiting for ${service}"; sleep 2; done`;
}

function commandValues(check: PublishHealthCheck) {
  return "exec" in check.command ? check.command.exec : [check.command.shell];
}

function pointsAtLoopback(check: PublishHealthCheck): boolean {
  return commandValues(check).some((value) => value.some((part) => typeof part === "string" && HAS_LOOPBACK.test(part)));
}

/** The check with the loopback address replaced by the service's host name. */
function retarget(check: PublishHealthCheck, host: string): PublishHealthCheck {
  const swap = (value: PublishValue): PublishValue => value.map((part) => (typeof part === "string" ? part.replace(LOOPBACK, host) : part));
  const command = "exec" in check.command ? { exec: check.command.exec.map(swap) } : { shell: swap(check.command.shell) };
  return { ...check, command };
}

/** The ServiceAccount, Role and RoleBinding that let waiting pods read Jobs. */
export function jobWaiterObjects(appName: string, labels: Record<string, string>): YamlMapping[] {
  const name = jobWaiterName(appName);
  const metadata = { name, labels };
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata, rules: [{ apiGroups: ["batch"], resources: ["jobs"], verbs: ["get", "list", "watch"] }] },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata,
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name },
      subjects: [{ kind: "ServiceAccount", name }],
    },
  ];
}
