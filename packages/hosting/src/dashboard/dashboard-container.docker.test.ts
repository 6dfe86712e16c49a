import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFixtureDashboard } from "./testing-support/dashboard-apphost.js";
import { EventStreamReader } from "./testing-support/event-stream-reader.js";
import { httpRequest, signIn } from "./testing-support/http-client.js";

type Fixture = Awaited<ReturnType<typeof runFixtureDashboard>>;

let fixture: Fixture;
let cookie: string;
let stream: EventStreamReader;

beforeAll(async () => {
  fixture = await runFixtureDashboard([], { DASHBOARD_FIXTURE_CONTAINER: "1", TICK_MS: "200" });
  cookie = await signIn(fixture.port, fixture.loginUrl);
  stream = await EventStreamReader.open(fixture.port, { Cookie: cookie });
  await stream.until(() => stream.snapshot() !== undefined, "the snapshot");
});

afterAll(async () => {
  stream?.close();
  expect(await fixture?.stop()).toBe(0);
});

describe("the dashboard's commands on a container", () => {
  it("stops, starts and restarts it, with its states as resource events", async () => {
    const cache = () => [...(stream.snapshot()?.resources ?? []), ...stream.resources()].filter((r) => r.name === "cache");
    const post = (command: string) => httpRequest(fixture.port, `/api/resources/cache/${command}`, { method: "POST", headers: { Cookie: cookie, Origin: `http://127.0.0.1:${fixture.port}` } });
    await stream.until(() => cache().some((r) => r.state === "Running" && r.health === "Healthy"), "cache healthy");
    expect(cache().at(-1)).toMatchObject({ kind: "container", source: "redis:7", endpoints: [{ name: "tcp", url: expect.stringMatching(/^tcp:\/\/localhost:\d+$/) }] });

    expect((await post("stop")).status).toBe(202);
    await stream.until(() => ["Exited", "Finished"].includes(cache().at(-1)!.state), "cache stopped");
    const stopped = await post("stop");
    expect(stopped.status).toBe(409);
    expect(JSON.parse(stopped.body).error).toMatch(/^resource 'cache' is (Exited|Finished), not Running/);

    expect((await post("start")).status).toBe(202);
    await stream.until(() => cache().at(-1)!.state === "Running" && cache().at(-1)!.restarts === 1, "cache running again");

    expect((await post("restart")).status).toBe(202);
    await stream.until(() => cache().some((r) => r.state === "Stopping") && cache().at(-1)!.state === "Running" && cache().at(-1)!.restarts === 2, "cache restarted");
    await stream.until(() => stream.lines().filter((l) => l.resource === "cache" && l.marker === "restart").length === 2, "two restart markers in cache's log");
  });
});
