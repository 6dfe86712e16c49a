import { checkCall, checkOptions, defineExtension, type DistributedApplicationBuilder, type ParameterResource, type ProbeContext, type ResourceBuilder } from "@bosun/hosting";
import { RabbitMQBuilder } from "./rabbitmq-builder.js";
import { RABBITMQ_DEFAULT_USER, RABBITMQ_IMAGE, RABBITMQ_PORT, RABBITMQ_REGISTRY, RABBITMQ_TAG } from "./rabbitmq-images.js";
import { rabbitMQProbeError } from "./rabbitmq-credentials.js";
import { connectRabbitMQ } from "./rabbitmq-connection.js";
import { probeRabbitMQ } from "./rabbitmq-probe.js";
import { PUBLISHED_RABBITMQ_CHECK } from "./rabbitmq-published-check.js";
import { RabbitMQResource } from "./rabbitmq-resource.js";

export interface RabbitMQOptions {
  /** Default: `guest`. */
  readonly userName?: ResourceBuilder<ParameterResource>;
  /** Default: a generated secret `<name>-password`. */
  readonly password?: ResourceBuilder<ParameterResource>;
  /** AMQP host port; default: chosen by the engine. */
  readonly port?: number;
}

/**
 * Adds a RabbitMQ broker container.
 * @example const messaging = builder.addRabbitMQ("messaging").withManagementPlugin()
 */
export function addRabbitMQ(app: DistributedApplicationBuilder, name: string, options: RabbitMQOptions = {}): RabbitMQBuilder {
  const context = { call: "builder.addRabbitMQ(…)", example: 'builder.addRabbitMQ("messaging", { port: 5673 })' };
  checkCall(context, { "the name": [name, "string"] });
  checkOptions(context, options, { userName: "parameter?", password: "parameter?", port: "number?" });
  const password = options.password ? options.password.resource : app.addGeneratedPassword(name).resource;
  const userName = options.userName ? options.userName.resource : RABBITMQ_DEFAULT_USER;
  const broker = new RabbitMQResource(name, userName, password);
  app.addResource(broker);
  broker.addAnnotation({ type: "container-image", registry: RABBITMQ_REGISTRY, image: RABBITMQ_IMAGE, tag: RABBITMQ_TAG });
  const probe = ({ resolve }: ProbeContext) => probeRabbitMQ(resolve(broker)).catch((error: unknown) => Promise.reject(rabbitMQProbeError(error, broker, app.appHost)));
  const connect = ({ resolve }: ProbeContext) =>
    connectRabbitMQ(resolve(broker)).catch((error: unknown) => Promise.reject(rabbitMQProbeError(error, broker, app.appHost)));
  broker.addAnnotation({ type: "health-check", check: { kind: "probe", name: "amqp", probe, connect, publishedCheck: PUBLISHED_RABBITMQ_CHECK } });
  return new RabbitMQBuilder(broker, app.appHost)
    .withEndpoint({ name: "tcp", targetPort: RABBITMQ_PORT, port: options.port })
    .withEnvironment("RABBITMQ_DEFAULT_USER", userName)
    .withEnvironment("RABBITMQ_DEFAULT_PASS", password);
}

/**
 * The RabbitMQ integration: `createBuilder().use(rabbitmq)` adds `addRabbitMQ`.
 * @example const builder = createBuilder().use(rabbitmq); builder.addRabbitMQ("messaging")
 */
export const rabbitmq = defineExtension("rabbitmq", (app) => ({
  addRabbitMQ: (name: string, options?: RabbitMQOptions): RabbitMQBuilder => addRabbitMQ(app, name, options),
}));
