import type { EndpointReference } from "../model/endpoint-reference.js";
import type { AllocatedEndpoint } from "../model/value-resolver.js";

interface Pending {
  readonly promise: Promise<ReadonlyMap<string, AllocatedEndpoint>>;
  resolve(value: ReadonlyMap<string, AllocatedEndpoint>): void;
  reject(reason: Error): void;
  value?: ReadonlyMap<string, AllocatedEndpoint>;
  failed?: boolean;
}

/** Where each resource's endpoints ended up, known once it started (or up front for host processes). */
export class EndpointAllocations {
  readonly #byResource = new Map<string, Pending>();

  #entry(resourceName: string): Pending {
    let entry = this.#byResource.get(resourceName);
    if (!entry) {
      let resolve!: Pending["resolve"];
      let reject!: Pending["reject"];
      const promise = new Promise<ReadonlyMap<string, AllocatedEndpoint>>((res, rej) => ((resolve = res), (reject = rej)));
      promise.catch(() => {});
      entry = { promise, resolve, reject };
      this.#byResource.set(resourceName, entry);
    }
    return entry;
  }

  set(resourceName: string, endpoints: ReadonlyMap<string, AllocatedEndpoint>): void {
    // A resource started again after it failed: later waiters see the new endpoints, not the failure.
    if (this.#byResource.get(resourceName)?.failed) this.#byResource.delete(resourceName);
    const entry = this.#entry(resourceName);
    entry.value = endpoints;
    entry.resolve(endpoints);
  }

  /** The resource will never get endpoints (it failed); whoever waits is told why. */
  fail(resourceName: string, reason: string): void {
    const entry = this.#entry(resourceName);
    if (entry.value === undefined) entry.failed = true;
    entry.reject(new Error(reason));
  }

  /** Resolves once the resource's endpoints are known. */
  whenAllocated(resourceName: string): Promise<ReadonlyMap<string, AllocatedEndpoint>> {
    return this.#entry(resourceName).promise;
  }

  /** The endpoint's allocation; only call after `whenAllocated` resolved for its resource. */
  get(reference: EndpointReference): AllocatedEndpoint {
    const endpoint = this.#byResource.get(reference.resource.name)?.value?.get(reference.endpointName);
    if (!endpoint) throw new Error(`endpoint '${reference.endpointName}' of '${reference.resource.name}' is not allocated`);
    return endpoint;
  }

  peek(resourceName: string): ReadonlyMap<string, AllocatedEndpoint> | undefined {
    return this.#byResource.get(resourceName)?.value;
  }
}
