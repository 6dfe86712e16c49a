import { createManifestResolver, EndpointPropertyReference, EndpointReference, ReferenceExpression, type ExpressionValue } from "@bosun/hosting";

/** Something that stands for a bosun value: a resource wrapper, an endpoint wrapper, an expression. */
export interface HasNativeValue {
  nativeValue(): ExpressionValue;
}

/**
 * Aspire's ReferenceExpression on bosun's: a deferred string rendered where it is used.
 * `getValue()` renders it as bosun's manifest does (placeholders for ports and secrets), since a
 * value is known only once `run` has started the resources.
 */
export class AspireReferenceExpression implements HasNativeValue {
  readonly aspireKind = "referenceExpression";

  constructor(readonly expression: ReferenceExpression) {}

  nativeValue(): ExpressionValue {
    return this.expression;
  }

  /** @example const uri = await (await db.uriExpression.get()).getValue(signal) */
  async getValue(signal?: AbortSignal): Promise<string> {
    signal?.throwIfAborted();
    return createManifestResolver().render(this.expression);
  }

  /** As getValue. */
  async getValueAsync(signal?: AbortSignal): Promise<string> {
    return this.getValue(signal);
  }

  toString(): string {
    return createManifestResolver().render(this.expression);
  }
}

/** The bosun value a template value or environment value stands for. */
export function toNativeValue(value: unknown): ExpressionValue {
  if (typeof value === "object" && value !== null && "nativeValue" in value && typeof value.nativeValue === "function") return (value as HasNativeValue).nativeValue();
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof ReferenceExpression || value instanceof EndpointReference || value instanceof EndpointPropertyReference) return value;
  throw new TypeError(`refExpr and withEnvironment take strings, numbers, resources, endpoints and expressions; got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === "object" ? `a ${(value as object).constructor.name}` : `a ${typeof value}`;
}

/**
 * Aspire's `refExpr` tagged template: a ReferenceExpression from literals and values (endpoints,
 * resources with a connection string, parameters, other expressions), resolved where it is used.
 * @example ctx.environmentVariables.set("API_ENDPOINT", refExpr`${await api.getEndpoint("http")}`)
 */
export function refExpr(strings: TemplateStringsArray, ...values: unknown[]): AspireReferenceExpression {
  return new AspireReferenceExpression(new ReferenceExpression([...strings], values.map(toNativeValue)));
}
