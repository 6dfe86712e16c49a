import {
  ContainerResource,
  EndpointReference,
  expr,
  serverConnectionProperties,
  uri,
  type ExpressionValue,
  type ParameterResource,
  type ReferenceExpression,
  type ResourceWithConnectionString,
  type ResourceWithDataPath,
} from "@bosun/hosting";
import { REDIS_DATA_PATH } from "./redis-images.js";

/** A Redis server container. Its connection string is `redis://:password@host:port`. */
export class RedisResource extends ContainerResource implements ResourceWithConnectionString, ResourceWithDataPath {
  readonly dataPath = REDIS_DATA_PATH;
  readonly primaryEndpoint: EndpointReference;

  constructor(
    name: string,
    readonly password: ParameterResource,
  ) {
    super(name);
    this.primaryEndpoint = new EndpointReference(this, "tcp");
  }

  get connectionStringExpression(): ReferenceExpression {
    const { host, port } = this.primaryEndpoint;
    return expr`redis://:${uri(this.password)}@${host}:${port}`;
  }

  connectionProperties(): ReadonlyMap<string, ExpressionValue> {
    const { primaryEndpoint: endpoint, password } = this;
    return serverConnectionProperties({ endpoint, password, uri: this.connectionStringExpression });
  }
}
