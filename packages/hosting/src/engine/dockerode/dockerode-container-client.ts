import type Docker from "dockerode";
import type { ContainerClient, ExecResult, LogOptions, LogSubscription } from "../container-client.js";
import type { ContainerInfo, ContainerState, ContainerSummary } from "../container-info.js";
import type { ContainerSpec } from "../container-spec.js";
import type { EngineOperation } from "../engine-error.js";
import type { EngineProduct } from "../engine-product.js";
import { toLabelFilterValues, type LabelFilter } from "../label-filter.js";
import { runExec } from "./container-exec.js";
import { readContainerLogs } from "./container-logs.js";
import { callEngine, callEngineIdempotent, callEngineOptional, isNotRunning } from "./call-engine.js";
import { PodmanExitWatch } from "./podman-exit-watch.js";
import { withPodmanHostGateway } from "./podman-host-gateway.js";
import { toContainerInfo, withoutPodmanLocalPrefix } from "./to-container-info.js";
import { toCreateOptions } from "./to-create-options.js";

const NOT_MODIFIED = 304;
const NOT_FOUND = 404;
const CONFLICT = 409;

export class DockerodeContainerClient implements ContainerClient {
  readonly #docker: Docker;
  readonly #endpoint: string;
  readonly #product: () => Promise<EngineProduct>;
  readonly #podmanExits: PodmanExitWatch;

  /** `product` says which engine answers, for the few places where Podman needs another request. */
  constructor(docker: Docker, endpoint: string, product: () => Promise<EngineProduct>) {
    this.#docker = docker;
    this.#endpoint = endpoint;
    this.#product = product;
    this.#podmanExits = new PodmanExitWatch(docker);
  }

  async create(spec: ContainerSpec): Promise<string> {
    const operation = { action: `create container '${spec.name}'`, endpoint: this.#endpoint, image: spec.image };
    const container = await callEngine(operation, async () => {
      const adapted = (await this.#product()) === "Podman" ? await withPodmanHostGateway(this.#docker, spec) : spec;
      return this.#docker.createContainer(toCreateOptions(adapted));
    });
    return container.id;
  }

  async start(id: string): Promise<void> {
    await callEngineIdempotent(this.#operation("start", id), [NOT_MODIFIED], () => this.#docker.getContainer(id).start());
  }

  async inspect(id: string): Promise<ContainerInfo | undefined> {
    const inspect = await callEngineOptional(this.#operation("inspect", id), () => this.#docker.getContainer(id).inspect());
    return inspect === undefined ? undefined : toContainerInfo(inspect);
  }

  async stop(id: string, options: { readonly timeoutSeconds: number }): Promise<void> {
    const stop = () => this.#docker.getContainer(id).stop({ t: options.timeoutSeconds });
    await callEngineIdempotent(this.#operation("stop", id), [NOT_MODIFIED, NOT_FOUND], stop);
  }

  async kill(id: string, signal: string): Promise<void> {
    const kill = () => this.#docker.getContainer(id).kill({ signal });
    // 409 (Docker) or Podman's "container state improper": not running, so there is nothing to signal.
    await callEngineIdempotent(this.#operation(`send ${signal} to`, id), [CONFLICT, NOT_FOUND], kill, isNotRunning);
  }

  async remove(id: string, options: { readonly force: boolean; readonly removeVolumes: boolean }): Promise<void> {
    const remove = () => this.#docker.getContainer(id).remove({ force: options.force, v: options.removeVolumes });
    // 409: a removal is already in progress, which is what was asked for.
    await callEngineIdempotent(this.#operation("remove", id), [CONFLICT, NOT_FOUND], remove);
  }

  async list(options: { readonly labels: LabelFilter; readonly all: boolean }): Promise<ContainerSummary[]> {
    const filters = { label: toLabelFilterValues(options.labels) };
    const operation = { action: "list containers", endpoint: this.#endpoint };
    const rows = await callEngine(operation, () => this.#docker.listContainers({ all: options.all, filters }));
    return rows.map((row) => ({
      id: row.Id,
      name: (row.Names[0] ?? row.Id).replace(/^\//, ""),
      image: withoutPodmanLocalPrefix(row.Image),
      state: row.State as ContainerState,
      labels: row.Labels ?? {},
    }));
  }

  async logs(id: string, options: LogOptions): Promise<LogSubscription> {
    const operation = this.#operation("read the logs of", id);
    return callEngine(operation, async () => {
      const container = this.#docker.getContainer(id);
      const { Config } = await container.inspect();
      return readContainerLogs(container, Config.Tty, options);
    });
  }

  async exec(id: string, cmd: readonly string[]): Promise<ExecResult> {
    const operation = this.#operation(`run '${cmd.join(" ")}' in`, id);
    return callEngine(operation, () => runExec(this.#docker.getContainer(id), cmd));
  }

  async wait(id: string, options: { readonly signal?: AbortSignal } = {}): Promise<number> {
    return callEngine(this.#operation("wait for", id), async () => {
      // On Podman a pending wait is costly (podman-exit-watch.ts); its event stream is not.
      if ((await this.#product()) === "Podman") return this.#podmanExits.wait(id, options.signal);
      const result = await this.#docker.getContainer(id).wait(options.signal ? { abortSignal: options.signal } : {});
      return (result as { StatusCode: number }).StatusCode;
    });
  }

  #operation(verb: string, id: string): EngineOperation {
    return { action: `${verb} container '${id}'`, endpoint: this.#endpoint };
  }
}
