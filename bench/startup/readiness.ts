// Readiness as a dependent sees it: a real client connects (with credentials) and gets an answer.
import amqp from "amqplib";
import { Redis } from "ioredis";
import pg from "pg";

const CONNECT_TIMEOUT_MS = 2_000;

/** Connects to the database and runs `SELECT 1`. */
export async function postgresAnswers(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

/** Connects with the password and gets PONG. */
export async function redisAnswers(connectionString: string): Promise<void> {
  const client = new Redis(connectionString, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}

/** Opens an AMQP connection with the credentials (a diagnostics ping answers seconds earlier). */
export async function rabbitMQAnswers(connectionString: string): Promise<void> {
  const connection = await amqp.connect(connectionString, { timeout: CONNECT_TIMEOUT_MS });
  connection.on("error", () => {});
  await connection.close();
}

/** Answers 200 to `GET /`. */
export async function httpAnswers(url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS) });
  await response.body?.cancel();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
}

/**
 * Starts an attempt every `periodMs` (or as soon as the previous one ended, if it took longer)
 * until one succeeds; gives up with the last error after `timeoutMs`.
 */
export async function pollUntil(attempt: () => Promise<void>, periodMs: number, timeoutMs = 180_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const started = performance.now();
    try {
      await attempt();
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, periodMs - (performance.now() - started))));
  }
}
