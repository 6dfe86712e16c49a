export { rabbitmq, addRabbitMQ, type RabbitMQOptions } from "./add-rabbitmq.js";
export { RabbitMQBuilder } from "./rabbitmq-builder.js";
export { RabbitMQResource } from "./rabbitmq-resource.js";
export { probeRabbitMQ } from "./rabbitmq-probe.js";
export {
  RABBITMQ_REGISTRY,
  RABBITMQ_IMAGE,
  RABBITMQ_TAG,
  RABBITMQ_PORT,
  RABBITMQ_MANAGEMENT_PORT,
  RABBITMQ_DATA_PATH,
} from "./rabbitmq-images.js";
