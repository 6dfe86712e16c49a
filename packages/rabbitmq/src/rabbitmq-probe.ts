const PROBE_TIMEOUT_MS = 3_000;

/** Healthy when an AMQP connection opens with the credentials of the connection string. */
export async function probeRabbitMQ(connectionString: string): Promise<void> {
  // Loaded when a probe first runs, so an AppHost's `manifest` or `--help` does not import amqplib.
  const { default: amqp } = await import("amqplib");
  const connection = await amqp.connect(connectionString, { timeout: PROBE_TIMEOUT_MS });
  connection.on("error", () => {});
  await connection.close();
}
