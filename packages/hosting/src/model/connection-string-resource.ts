import { expr, type ExpressionValue, type ReferenceExpression } from "./expression.js";
import { ParameterResource } from "./parameter-resource.js";
import { Resource, type ResourceWithConnectionString } from "./resource.js";

/**
 * An existing resource outside the app (a managed database, a shared broker) whose connection
 * string comes from `ConnectionStrings__name` in the environment.
 */
export class ConnectionStringResource extends Resource implements ResourceWithConnectionString {
  readonly type = "value.v0";
  readonly value: ParameterResource;
  readonly connectionStringExpression: ReferenceExpression;

  constructor(name: string) {
    super(name);
    this.value = new ParameterResource(name, { secret: true }, `ConnectionStrings__${name}`);
    this.connectionStringExpression = expr`${this.value}`;
  }

  connectionProperties(): ReadonlyMap<string, ExpressionValue> {
    return new Map();
  }
}
