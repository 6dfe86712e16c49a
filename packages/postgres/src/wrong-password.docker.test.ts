import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBuilder } from "@bosun/hosting";
import { connectEngine } from "@bosun/hosting/runtime";
import { afterAll, describe, expect, it } from "vitest";
import { postgres } from "./index.js";

const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-pg-wrong-password-"));
const volume = `bosun-pg-wrong-password-${path.basename(folder).toLowerCase()}`;
const secretsDir = path.join(folder, "secrets");
// The sentence names the secrets file as the AppHost's own process sees it.
process.env.BOSUN_SECRETS_DIR = secretsDir;

/** A server on `volume` whose password parameter has this value, with a database and a dependent. */
function defineApp(password: string) {
  const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName: "pg-wrong-password" }).use(postgres);
  const secret = builder.addParameter("postgres-password", { secret: true, value: password });
  const server = builder.addPostgres("postgres", { password: secret }).withDataVolume(volume);
  server.addDatabase("orders");
  return builder.build();
}

describe("a PostgreSQL data volume initialised with another password", () => {
  afterAll(async () => {
    await defineApp("any").run(["down", "--volumes"]);
    await (await connectEngine()).volumes.remove(volume).catch(() => {});
  });

  it("fails the server at once (not at its start-up timeout) with a sentence naming the volume and both fixes", async () => {
    {
      await using first = await defineApp("password-a").start();
      await first.settled;
      expect(first.resource("postgres")).toMatchObject({ state: "Running", health: "Healthy" });
    }
    await using second = await defineApp("password-b").start();
    await second.settled;

    const server = second.resource("postgres");
    expect(server.state).toBe("FailedToStart");
    expect(server.reason).toContain(`resource 'postgres' rejected the credentials of its connection string (password authentication failed for user "postgres")`);
    expect(server.reason).toContain(`its data volume '${volume}' was initialised with other credentials`);
    expect(server.reason).toContain(`Put the old value of 'postgres-password' back in ${secretsDir}/`);
    expect(server.reason).toContain("`down --volumes`");
    expect(second.resource("orders")).toMatchObject({ state: "FailedToStart" });
    expect(second.resource("orders").reason).toMatch(/^dependency 'postgres' failed to start: /);
  });
});
