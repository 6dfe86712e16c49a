import path from "node:path";
import { Option } from "commander";
import type { KubernetesOptions } from "../../publish/kubernetes/kubernetes-options.js";
import type { CliCommand } from "../cli-command.js";

/** `publish --target compose|swarm|kubernetes`: writes the model for a deployment target (docs/publishing.md). */
export const PUBLISH_COMMAND: CliCommand = {
  name: "publish",
  summary: "write the model for Docker Compose, Swarm or Kubernetes",
  configure: (command) =>
    command
      .addOption(new Option("--target <target>", "the deployment target").choices(["compose", "swarm", "kubernetes"]).makeOptionMandatory())
      .option("--output <dir>", "folder to write to, relative to the current folder (default: publish/<target> next to the AppHost)")
      .option("--env-file", "fill a git-ignored .env (and Swarm's secrets/) with this AppHost's values; existing values are kept (Node 20: give it last, see docs/publishing.md)")
      .option("--build", "build and tag the images of the app's own services with the local engine")
      .option("--strict", "fail, writing nothing, when the target cannot express something in the model")
      .addOption(new Option("--swarm-endpoint-mode <mode>", "swarm: vip (default) or dnsrr with host-mode ports, for kernels without IPVS").choices(["vip", "dnsrr"]))
      .option("--storage-class <class>", "kubernetes: storage class of data volume claims (default: the cluster's default)")
      .option("--storage-size <size>", "kubernetes: size of each data volume claim (default: 1Gi)")
      .option("--ingress-class <class>", "kubernetes: ingressClassName of the Ingresses of external HTTP endpoints")
      .option("--ingress-host <domain>", "kubernetes: serve each external service at <service>.<domain>"),
  async execute(application, options) {
    const target = options["target"] as "compose" | "swarm" | "kubernetes";
    const output = options["output"];
    const result = await application.publish({
      target,
      ...(typeof output === "string" ? { outputDir: path.resolve(output) } : {}),
      envFile: options["envFile"] === true,
      build: options["build"] === true,
      strict: options["strict"] === true,
      ...(options["swarmEndpointMode"] === "dnsrr" ? { swarmEndpointMode: "dnsrr" as const } : {}),
      kubernetes: kubernetesOptions(options),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const relative = path.relative(process.cwd(), result.outputDirectory);
    const where = relative.startsWith("..") ? result.outputDirectory : relative || ".";
    process.stdout.write(`published ${target} to ${where}: ${result.written.length} files written${result.removed.length > 0 ? `, ${result.removed.length} stale removed` : ""}\n`);
    for (const warning of result.warnings) process.stdout.write(`warning ${warning.code}: ${warning.message}\n`);
    const count = result.warnings.length;
    if (count > 0) process.stdout.write(`(${count} warning${count === 1 ? "" : "s"}, also in ${path.join(where, "publish-report.json")}; --strict makes them errors)\n`);
  },
};

/** The Kubernetes options given on the command line (per-resource settings are API only: publish({ kubernetes })). */
function kubernetesOptions(options: Record<string, unknown>): KubernetesOptions {
  const text = (key: string) => (typeof options[key] === "string" ? (options[key] as string) : undefined);
  const entries = { storageClass: text("storageClass"), storageSize: text("storageSize"), ingressClass: text("ingressClass"), ingressHost: text("ingressHost") };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}
