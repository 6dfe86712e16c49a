import type { EndpointReference } from "./endpoint-reference.js";
import type { ExpressionValue, ReferenceExpression } from "./expression.js";

export interface ServerConnection {
  readonly endpoint: EndpointReference;
  /** Omitted for servers that only take a password (Redis). */
  readonly userName?: ExpressionValue;
  readonly password: ExpressionValue;
  readonly uri: ReferenceExpression;
}

/**
 * The parts a `withReference` injects as `NAME_HOST`, `NAME_PORT`, `NAME_USERNAME`,
 * `NAME_PASSWORD` and `NAME_URI` for a server reached with credentials.
 * @example connectionProperties() { return serverConnectionProperties({ endpoint, userName, password, uri: this.connectionStringExpression }) }
 */
export function serverConnectionProperties(server: ServerConnection): Map<string, ExpressionValue> {
  return new Map<string, ExpressionValue>([
    ["HOST", server.endpoint.host],
    ["PORT", server.endpoint.port],
    ...(server.userName === undefined ? [] : ([["USERNAME", server.userName]] as const)),
    ["PASSWORD", server.password],
    ["URI", server.uri],
  ]);
}
