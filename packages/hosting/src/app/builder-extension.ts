import { checkCall } from "../model/argument-checks.js";
import type { DistributedApplicationBuilder } from "./distributed-application-builder.js";

/**
 * Adds `add*` methods to the builder, with full types, without touching its prototype.
 * Integrations export one; `createBuilder().use(extension)` returns the builder typed with them.
 */
export interface BuilderExtension<M extends object> {
  readonly name: string;
  readonly methods: (builder: DistributedApplicationBuilder) => M;
}

/**
 * Declares an integration's builder methods.
 * @example export const redis = defineExtension("redis", (builder) => ({ addRedis: (name: string) => … }))
 */
export function defineExtension<M extends object>(
  name: string,
  methods: (builder: DistributedApplicationBuilder) => M,
): BuilderExtension<M> {
  const context = { call: "defineExtension(…)", example: 'defineExtension("kafka", (builder) => ({ addKafka: (name: string) => … }))' };
  checkCall(context, { "the extension's name": [name, "string"], "the function returning its methods": [methods, "function"] });
  return { name, methods };
}
