/** The image the RabbitMQ integration runs (the official one, as .NET Aspire pins it). */
export const RABBITMQ_REGISTRY = "docker.io";
export const RABBITMQ_IMAGE = "library/rabbitmq";
export const RABBITMQ_TAG = "4.2";
/** The management plugin comes in the `-management` variant of each tag. */
export const RABBITMQ_MANAGEMENT_SUFFIX = "-management";

export const RABBITMQ_PORT = 5672;
export const RABBITMQ_MANAGEMENT_PORT = 15672;
export const RABBITMQ_DATA_PATH = "/var/lib/rabbitmq";
export const RABBITMQ_DEFAULT_USER = "guest";
/** RabbitMQ keeps its data under the node name, so a data volume needs a fixed one. */
export const RABBITMQ_NODE_NAME = "rabbit@localhost";
