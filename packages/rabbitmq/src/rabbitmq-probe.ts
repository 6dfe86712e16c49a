import amqp from "amqplib";

const PROBE_TIMEOUT_MS = 3_000;

/** Healthy when an AMQP connection opens with the credentials of the connection string. */
export async function probeRabbitMQ(connectionString: string): Promise<void> {
  const connection = await amqp.connect(connectionString, { timeout: PROBE_TIMEOUT_MS });
  connection.on("error", () => {});
  await connection.close();
}
