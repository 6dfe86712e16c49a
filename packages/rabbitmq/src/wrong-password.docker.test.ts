import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBuilder } from "@bosun/hosting";
import { connectEngine } from "@bosun/hosting/runtime";
import { afterAll, describe, expect, it } from "vitest";
import { rabbitmq } from "./index.js";

const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-mq-wrong-password-"));
const volume = `bosun-mq-wrong-password-${path.basename(folder).toLowerCase()}`;
const secretsDir = path.join(folder, "secrets");
// The sentence names the secrets file as the AppHost's own process sees it.
process.env.BOSUN_SECRETS_DIR = secretsDir;

/** A broker on `volume` whose password parameter has this value. */
function defineApp(password: string) {
  const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName: "mq-wrong-password" }).use(rabbitmq);
  const secret = builder.addParameter("messaging-password", { secret: true, value: password });
  builder.addRabbitMQ("messaging", { password: secret }).withDataVolume(volume);
  return builder.build();
}

describe("a RabbitMQ data volume initialised with another password", () => {
  afterAll(async () => {
    await defineApp("any").run(["down", "--volumes"]);
    await (await connectEngine()).volumes.remove(volume).catch(() => {});
  });

  it("fails the broker at once with ACCESS_REFUSED in a sentence naming the volume and both fixes", async () => {
    {
      await using first = await defineApp("password-a").start();
      await first.settled;
      expect(first.resource("messaging")).toMatchObject({ state: "Running", health: "Healthy" });
    }
    await using second = await defineApp("password-b").start();
    await second.settled;

    const broker = second.resource("messaging");
    expect(broker.state).toBe("FailedToStart");
    expect(broker.reason).toMatch(/resource 'messaging' rejected the credentials of its connection string \(.*ACCESS[-_]REFUSED/);
    expect(broker.reason).toContain(`its data volume '${volume}' was initialised with other credentials`);
    expect(broker.reason).toContain(`Put the old value of 'messaging-password' back in ${secretsDir}/`);
  });
});
