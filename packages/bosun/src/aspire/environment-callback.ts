import type { EnvironmentValue } from "@bosun/hosting";
import { expose } from "./chained.js";
import type { ExecutionContext } from "./execution-context.js";
import { property, type AspireProperty } from "./properties.js";
import { toNativeValue } from "./reference-expression.js";
import type { AspireResource } from "./resource.js";

/** Aspire's environmentVariables dictionary: what a callback sets becomes the resource's environment. */
export class EnvironmentVariables {
  readonly aspireKind = "environmentVariables";
  readonly values = new Map<string, EnvironmentValue>();

  /** @example await ctx.environmentVariables.set("API_ENDPOINT", refExpr`${ep}`) */
  async set(name: string, value: unknown): Promise<void> {
    if (typeof name !== "string") throw new TypeError("environmentVariables.set takes a variable name (a string) first");
    this.values.set(name, toNativeValue(value));
  }

  async get(name: string): Promise<EnvironmentValue | undefined> {
    return this.values.get(name);
  }

  async containsKey(name: string): Promise<boolean> {
    return this.values.has(name);
  }

  async remove(name: string): Promise<boolean> {
    return this.values.delete(name);
  }
}

/**
 * What Aspire's withEnvironmentCallback hands its callback. bosun runs the callback once, when the
 * app is built and before anything starts; the values it sets render for where the resource runs.
 */
export class EnvironmentCallbackContext {
  readonly aspireKind = "environmentCallbackContext";
  readonly environmentVariables = expose(new EnvironmentVariables());
  readonly executionContext: AspireProperty<ExecutionContext>;
  readonly resource: AspireProperty<AspireResource>;

  constructor(resource: AspireResource, executionContext: ExecutionContext) {
    this.executionContext = property(() => expose(executionContext));
    this.resource = property(() => expose(resource));
  }
}

/** One withEnvironmentCallback call, kept until build(). */
export interface PendingCallback {
  readonly resource: AspireResource;
  readonly callback: (context: unknown) => unknown;
}

/** Runs each callback and gives its variables to bosun's builder of that resource. */
export async function applyEnvironmentCallbacks(callbacks: readonly PendingCallback[], executionContext: ExecutionContext): Promise<void> {
  for (const { resource, callback } of callbacks) {
    const context = new EnvironmentCallbackContext(resource, executionContext);
    await callback(expose(context));
    for (const [name, value] of context.environmentVariables.values) resource.native.withEnvironment(name, value);
  }
}
