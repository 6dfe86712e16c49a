import { rm } from "node:fs/promises";
import { BosunError, hasConnectionString, type Resource, type ResourceSnapshot, type RunningApp } from "@bosun/hosting";
import type { LogBook } from "./log-book.js";

/** `fetch` bound to one resource's base URL: `client("/health")`. Aborts after 30 s unless given a signal. */
export type TestHttpClient = (path: string, init?: RequestInit) => Promise<Response>;

export const HTTP_CLIENT_TIMEOUT_MS = 30_000;

export interface TestAppParts {
  readonly running: RunningApp;
  readonly resources: readonly Resource[];
  readonly logBook: LogBook;
  readonly appKey: string;
  readonly networkName: string;
  /** Folder of the throw-away secrets file, removed on stop. */
  readonly secretsDirectory: string;
}

/**
 * A started test app: connection strings and URLs rendered for the test (on the host), captured
 * logs, and clean-up. `await using app = await startTestApp(defineApp)` stops it even when the test throws.
 */
export class TestApp implements AsyncDisposable {
  /** The `bosun.app` label value on everything this app created. */
  readonly appKey: string;
  /** The app's own Docker network; its containers reach each other by resource name on it. */
  readonly networkName: string;
  readonly #parts: TestAppParts;
  #stopping: Promise<void> | undefined;

  constructor(parts: TestAppParts) {
    this.#parts = parts;
    this.appKey = parts.appKey;
    this.networkName = parts.networkName;
  }

  /** The session id in the `bosun.session` label. */
  get sessionId(): string {
    return this.#parts.running.session.id;
  }

  /**
   * The resource's connection string as a client in the test uses it (`localhost` and the random port).
   * @example new pg.Client({ connectionString: app.connectionString("ecommercedb") })
   */
  connectionString(name: string): string {
    const resource = this.#find(name);
    if (!hasConnectionString(resource)) {
      throw new BosunError(`resource '${name}' has no connection string; use app.endpoint('${name}') for its address`, { code: "CONFIGURATION" });
    }
    return this.#parts.running.connectionString(name);
  }

  /**
   * Where an endpoint is reachable from the test: `http://localhost:49213`. Default: the first declared.
   * @example const url = app.endpoint("api", "http")
   */
  endpoint(name: string, endpointName?: string): URL {
    return new URL(this.#url(name, endpointName ?? this.#endpointNames(name)[0]!));
  }

  /**
   * `fetch` bound to the resource's http (or https) endpoint.
   * @example const response = await app.httpClient("api")("/health")
   */
  httpClient(name: string, endpointName?: string): TestHttpClient {
    const names = this.#endpointNames(name);
    const schemeOf = (n: string) => new URL(this.#url(name, n)).protocol;
    const chosen = endpointName ?? names.find((n) => schemeOf(n) === "https:") ?? names.find((n) => schemeOf(n) === "http:") ?? names[0]!;
    const base = this.endpoint(name, chosen);
    return (path, init = {}) => fetch(new URL(path, base), { ...init, signal: init.signal ?? AbortSignal.timeout(HTTP_CLIENT_TIMEOUT_MS) });
  }

  /** The resource's current state, health, reason and endpoint URLs. */
  resource(name: string): ResourceSnapshot {
    this.#find(name);
    return this.#parts.running.resource(name);
  }

  /** Every started resource's current snapshot. */
  resources(): ResourceSnapshot[] {
    return this.#parts.running.resources();
  }

  /** Resolves when the resource is Running and Healthy; rejects if it fails or exits first. */
  waitForHealthy(name: string): Promise<ResourceSnapshot> {
    this.#find(name);
    return this.#parts.running.waitForHealthy(name);
  }

  /** Every line the resource wrote so far (stdout and stderr), oldest first. */
  logs(name: string): string[] {
    this.#find(name);
    return this.#parts.logBook.lines(name).map((line) => line.text);
  }

  /**
   * Stops one resource's process or container (a container is removed with its volumes), as if it
   * had crashed, to test how the others cope: they keep running, and it becomes Finished or Exited.
   * `restartResource` starts it again; `stop()` still cleans up everything.
   * @example await app.stopResource("auth-api"); expect((await app.httpClient("gateway")("/health")).status).toBe(503)
   */
  async stopResource(name: string): Promise<ResourceSnapshot> {
    this.#find(name);
    await this.#parts.running.stopResource(name);
    return this.resource(name);
  }

  /**
   * Stops one resource's process or container and starts it again with the same ports and
   * environment (or starts one that was stopped); its dependents keep running.
   * @example await app.restartResource("auth-api"); expect(app.resource("auth-api").restarts).toBe(1)
   */
  async restartResource(name: string): Promise<ResourceSnapshot> {
    this.#find(name);
    await this.#parts.running.restartResource(name);
    return this.resource(name);
  }

  /** Stops every resource in reverse dependency order, removes containers, volumes, network and secrets. Safe to call twice. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      try {
        await this.#parts.running.stop();
      } finally {
        await rm(this.#parts.secretsDirectory, { recursive: true, force: true });
      }
    })();
    return this.#stopping;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  #find(name: string): Resource {
    const resource = this.#parts.resources.find((r) => r.name === name);
    if (resource) return resource;
    const names = this.#parts.resources.map((r) => `'${r.name}'`).join(", ");
    throw new BosunError(`this test app has no resource '${name}'; it started ${names} (choose with startTestApp(…, { resources: [...] }))`, {
      code: "CONFIGURATION",
    });
  }

  #endpointNames(name: string): string[] {
    const names = this.#find(name).annotationsOf("endpoint").map((e) => e.name);
    if (names.length === 0) throw new BosunError(`resource '${name}' has no endpoints`, { code: "CONFIGURATION" });
    return names;
  }

  /** The endpoint's URL from the host, as the core reports it: `http://localhost:49213`. */
  #url(name: string, endpointName: string): string {
    const { endpoints, state } = this.resource(name);
    if (Object.hasOwn(endpoints, endpointName)) return endpoints[endpointName]!;
    throw new BosunError(`resource '${name}' has no endpoint '${endpointName}' to use (it is ${state})`, { code: "CONFIGURATION" });
  }
}
