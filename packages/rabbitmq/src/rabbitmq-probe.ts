import { openAmqp } from "./rabbitmq-connection.js";

/** Healthy when an AMQP connection opens with the credentials of the connection string. */
export async function probeRabbitMQ(connectionString: string): Promise<void> {
  await (await openAmqp(connectionString)).close();
}
