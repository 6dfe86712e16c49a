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
import { handSetCredentials } from "./rabbitmq-credentials.js";
import { RABBITMQ_DATA_PATH } from "./rabbitmq-images.js";

/** A RabbitMQ broker container. Its connection string is `amqp://user:password@host:port`. */
export class RabbitMQResource extends ContainerResource implements ResourceWithConnectionString, ResourceWithDataPath {
  readonly dataPath = RABBITMQ_DATA_PATH;
  readonly primaryEndpoint: EndpointReference;

  constructor(
    name: string,
    readonly userName: ParameterResource | string,
    readonly password: ParameterResource,
  ) {
    super(name);
    this.primaryEndpoint = new EndpointReference(this, "tcp");
  }

  get connectionStringExpression(): ReferenceExpression {
    const { host, port } = this.primaryEndpoint;
    return expr`amqp://${uri(this.userName)}:${uri(this.password)}@${host}:${port}`;
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
