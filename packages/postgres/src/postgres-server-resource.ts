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
import { handSetCredentials } from "./postgres-credentials-rule.js";
import { POSTGRES_DATA_PATH } from "./postgres-images.js";

/** A PostgreSQL server container. Its connection string is a `postgresql://` URI without a database. */
export class PostgresServerResource extends ContainerResource implements ResourceWithConnectionString, ResourceWithDataPath {
  readonly dataPath = POSTGRES_DATA_PATH;
  readonly primaryEndpoint: EndpointReference;
  /** Its databases: resource name → database name, as added with `.addDatabase(…)`. */
  readonly databases = new Map<string, string>();

  constructor(
    name: string,
    readonly userName: ParameterResource | string,
    readonly password: ParameterResource,
  ) {
    super(name);
    this.primaryEndpoint = new EndpointReference(this, "tcp");
  }

  /** `postgresql://user:password@host:port`, with user and password percent-encoded. */
  get connectionStringExpression(): ReferenceExpression {
    const { host, port } = this.primaryEndpoint;
    return expr`postgresql://${uri(this.userName)}:${uri(this.password)}@${host}:${port}`;
  }

  /** Credentials set by hand (withEnvironment) that differ from the model's are refused; see handSetCredentials. */
  override checkSettings(): string[] {
    return handSetCredentials(this);
  }

  connectionProperties(): ReadonlyMap<string, ExpressionValue> {
    const { primaryEndpoint: endpoint, password } = this;
    return serverConnectionProperties({ endpoint, userName: this.userName, password, uri: this.connectionStringExpression });
  }
}
