import { GenericContainer, type WaitStrategy } from "testcontainers";

/** Where published ports listen unless an endpoint asks for another interface. */
export const LOOPBACK = "127.0.0.1";

/**
 * A Testcontainers `GenericContainer` with the two things its public API lacks: a host interface
 * for published ports (Testcontainers publishes on every interface) and anonymous volumes. Both are
 * applied in `beforeContainerCreated`, Testcontainers' own hook for subclasses, so creating,
 * pulling, networking and stopping stay Testcontainers' work.
 */
export class ResourceContainer extends GenericContainer {
  #hostIps = new Map<string, string>();
  #volumeTargets: string[] = [];
  #ready: (() => Promise<unknown>) | undefined;

  constructor(image: string) {
    super(image);
    // bosun's orchestrator probes health from the host with real clients; Testcontainers need not wait.
    this.withWaitStrategy(new NoWait());
  }

  /** Publishes `containerPort` on `hostIp` (Testcontainers' `withExposedPorts` has no interface). */
  withHostIp(containerPort: number, hostIp: string): this {
    this.#hostIps.set(`${containerPort}/tcp`, hostIp);
    return this;
  }

  /**
   * Creates the container on `network` under `aliases` directly. Testcontainers' `withNetworkAliases`
   * creates it on the default bridge first and connects it afterwards, which fails where the
   * default bridge is unusable and leaves it on two networks everywhere else.
   */
  withNetworkAndAliases(network: string, aliases: readonly string[]): this {
    this.withNetworkMode(network);
    this.createOpts.NetworkingConfig = { EndpointsConfig: { [network]: { Aliases: [...aliases] } } };
    return this;
  }

  /**
   * Creates the container only once `ready` resolves (its network exists), so that Testcontainers'
   * own preparation (engine client, image check) runs meanwhile.
   */
  waitingFor(ready: () => Promise<unknown>): this {
    this.#ready = ready;
    return this;
  }

  /** An anonymous volume at `target`: fresh per container, removed with it. */
  withAnonymousVolume(target: string): this {
    this.#volumeTargets.push(target);
    return this;
  }

  protected override async beforeContainerCreated(): Promise<void> {
    await this.#ready?.();
    const bindings = this.hostConfig.PortBindings as Record<string, { HostIp?: string; HostPort?: string }[]> | undefined;
    for (const [port, list] of Object.entries(bindings ?? {})) {
      const hostIp = this.#hostIps.get(port) ?? LOOPBACK;
      for (const binding of list) binding.HostIp = hostIp;
    }
    if (this.#volumeTargets.length > 0) {
      this.hostConfig.Mounts = [...(this.hostConfig.Mounts ?? []), ...this.#volumeTargets.map((target) => ({ Type: "volume" as const, Source: "", Target: target }))];
    }
  }
}

/** Resolves at once: readiness is the orchestrator's health checks' business. */
class NoWait implements WaitStrategy {
  #timeoutMs = 60_000;
  #set = false;

  async waitUntilReady(): Promise<void> {}

  withStartupTimeout(startupTimeoutMs: number): this {
    this.#timeoutMs = startupTimeoutMs;
    this.#set = true;
    return this;
  }

  isStartupTimeoutSet(): boolean {
    return this.#set;
  }

  getStartupTimeout(): number {
    return this.#timeoutMs;
  }
}
