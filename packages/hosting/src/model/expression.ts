import type { EndpointPropertyReference, EndpointReference } from "./endpoint-reference.js";
import { ParameterResource } from "./parameter-resource.js";

/** Something that renders to a connection string: a resource that has one, or anything that carries such a resource. */
export interface ConnectionStringSource {
  readonly connectionStringExpression: ReferenceExpression;
}

/** A value that is known only at run time (or is written as a placeholder by a publisher). */
export type ExpressionValue =
  | string
  | UriEncoded
  | number
  | ParameterResource
  | EndpointReference
  | EndpointPropertyReference
  | ReferenceExpression
  | ConnectionStringSource;

/** A resource builder standing for its resource: a parameter, or a resource with a connection string. */
export interface ValueResourceHandle {
  readonly resource: ParameterResource | ConnectionStringSource;
}

/** What users may write where a value is expected: a value, or the builder of a parameter or database. */
export type ValueLike = ExpressionValue | ValueResourceHandle;

/** The value a `ValueLike` stands for (a builder becomes its resource). */
export function toExpressionValue(value: ValueLike): ExpressionValue {
  if (typeof value !== "object" || !("resource" in value)) return value;
  const { resource } = value;
  return resource instanceof ParameterResource || "connectionStringExpression" in resource ? resource : (value as ExpressionValue);
}

/**
 * A deferred string: literal parts with run-time values between them. It renders for a host process,
 * for a container on the app network, or as a publisher placeholder, without changing the model.
 */
export class ReferenceExpression {
  readonly literals: readonly string[];
  readonly values: readonly ExpressionValue[];

  constructor(literals: readonly string[], values: readonly ExpressionValue[]) {
    if (literals.length !== values.length + 1) {
      throw new TypeError("a reference expression needs one more literal than values");
    }
    this.literals = literals;
    this.values = values;
  }

  /** Joins a list of expressions with a literal separator. */
  static join(parts: readonly ExpressionValue[], separator: string): ReferenceExpression {
    const literals = parts.length === 0 ? [""] : ["", ...parts.slice(1).map(() => separator), ""];
    return new ReferenceExpression(literals, parts);
  }
}

/**
 * Builds a deferred value from a template.
 * @example expr`postgresql://${user}:${password}@${endpoint.property("host")}:${endpoint.property("port")}`
 */
export function expr(strings: TemplateStringsArray, ...values: ValueLike[]): ReferenceExpression {
  return new ReferenceExpression([...strings], values.map(toExpressionValue));
}

/** A value percent-encoded where it is rendered, so a password with `@` or `/` stays valid in a URI. */
export class UriEncoded {
  constructor(readonly value: ExpressionValue) {}
}

/**
 * Marks a value for percent-encoding inside a URI.
 * @example expr`postgresql://${uri(user)}:${uri(password)}@${host}`
 */
export function uri(value: ValueLike): UriEncoded {
  return new UriEncoded(toExpressionValue(value));
}
