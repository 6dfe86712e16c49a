import type { AppHostInfo } from "./app-host-info.js";
import type { CallContext } from "./argument-checks.js";
import { checkCapability, NODE_APPS, type Capability } from "./builder-capabilities.js";
import type { NodeAppResource } from "./node-app-resource.js";
import type { Resource } from "./resource.js";
import type { ResourceBuilder } from "./resource-builder.js";

/**
 * The fields every resource builder has, and the dev-loop methods that apply to Node apps only
 * (watch, inspect). The split only keeps files small.
 */
export abstract class NodeAppMethods<R extends Resource> {
  constructor(
    readonly resource: R,
    /** The AppHost this resource belongs to; relative paths resolve against its folder. */
    readonly appHost: AppHostInfo,
  ) {}

  get name(): string {
    return this.resource.name;
  }

  /**
   * In `run`, restarts the app (this process only, same port and environment) when a file in its
   * folder or in a workspace package it depends on changes; `node_modules`, build output and
   * dot-folders are ignored. Tests and `publish` ignore it.
   * @example builder.addNodeApp("auth-api", "../auth-api", "src/index.ts").withHttpEndpoint({ env: "PORT" }).withWatch()
   */
  withWatch<B extends ResourceBuilder<NodeAppResource>>(this: B): B {
    this.checked("withWatch", ".withWatch()", NODE_APPS);
    if (!this.resource.lastAnnotationOf("watch")) this.resource.addAnnotation({ type: "watch" });
    return this;
  }

  /**
   * In `run`, starts the app with the Node inspector on 127.0.0.1 at a port that stays the same
   * across restarts, printed with its URLs (`inspector`); attach VS Code or Chrome DevTools to it.
   * @example builder.addNodeApp("auth-api", "../auth-api", "src/index.ts").withInspect()
   */
  withInspect<B extends ResourceBuilder<NodeAppResource>>(this: B): B {
    this.checked("withInspect", ".withInspect()", NODE_APPS);
    if (!this.resource.lastAnnotationOf("inspect")) this.resource.addAnnotation({ type: "inspect" });
    return this;
  }

  /** The context of a call on this resource, after checking the resource can take it. */
  protected checked(method: string, example: string, capability?: Capability): CallContext {
    const context = { call: `resource '${this.name}': .${method}(…)`, example };
    if (capability) checkCapability(context, this.resource, capability);
    return context;
  }
}
