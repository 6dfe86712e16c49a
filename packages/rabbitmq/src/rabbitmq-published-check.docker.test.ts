import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { connect } from "amqplib";
import { loadImageSubstitution } from "@bosun/hosting/runtime";
import { describe, expect, it } from "vitest";
import { RABBITMQ_IMAGE, RABBITMQ_MANAGEMENT_SUFFIX, RABBITMQ_REGISTRY, RABBITMQ_TAG } from "./rabbitmq-images.js";
import { PUBLISHED_RABBITMQ_CHECK } from "./rabbitmq-published-check.js";

const run = promisify(execFile);
const image = loadImageSubstitution({ env: process.env, cwd: process.cwd() }).substitute(`${RABBITMQ_REGISTRY}/${RABBITMQ_IMAGE}:${RABBITMQ_TAG}${RABBITMQ_MANAGEMENT_SUFFIX}`).image;

/** Runs the published check in the container as a healthcheck would (`sh -c`); true when it passes. */
async function checkPasses(container: string): Promise<boolean> {
  try {
    await run("docker", ["exec", container, "sh", "-c", String(PUBLISHED_RABBITMQ_CHECK.shell)], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

describe("the published RabbitMQ health check", () => {
  it("fails while the broker starts and passes only once it accepts an AMQP login with credentials", async () => {
    const name = `bosun-rabbitmq-check-${process.pid}`;
    await run("docker", ["run", "-d", "--name", name, "-p", "127.0.0.1::5672", "-e", "RABBITMQ_DEFAULT_USER=bosun", "-e", "RABBITMQ_DEFAULT_PASS=s3cret", image]);
    try {
      const port = (await run("docker", ["port", name, "5672/tcp"])).stdout.trim().split("\n")[0]!.split(":").pop();
      expect(await checkPasses(name)).toBe(false);
      const started = Date.now();
      while (!(await checkPasses(name))) {
        expect(Date.now() - started, "the check never passed").toBeLessThan(90_000);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // The first pass means a client can log in now, not seconds later.
      const connection = await connect(`amqp://bosun:s3cret@127.0.0.1:${port}`, { timeout: 2_000 });
      await connection.close();
    } finally {
      await run("docker", ["rm", "-f", "-v", name]);
    }
  });
});
