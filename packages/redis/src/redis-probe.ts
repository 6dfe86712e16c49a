import { connectRedis } from "./redis-connection.js";

/** Healthy when the server answers `PING` with the credentials of the connection string. */
export async function probeRedis(connectionString: string): Promise<void> {
  const connection = await connectRedis(connectionString);
  try {
    // PING has its own command timeout; nothing aborts it from outside.
    await connection.check(new AbortController().signal);
  } finally {
    await connection.close();
  }
}
