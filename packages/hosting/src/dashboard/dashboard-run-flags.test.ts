import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runFixture, runFixtureDashboard, type RunningFixture } from "./testing-support/dashboard-apphost.js";
import { httpRequest } from "./testing-support/http-client.js";

const TIMEOUT = { timeout: 90_000 };
const running: RunningFixture[] = [];
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.stop()));
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function occupiedPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
}

describe("run's dashboard flags", () => {
  it("--no-dashboard serves none and prints no dashboard line", TIMEOUT, async () => {
    const fixture = runFixture(["--no-dashboard"]);
    running.push(fixture);
    await fixture.waitForOutput(/press Ctrl-C to stop/);

    expect(fixture.stdout()).not.toContain("dashboard:");
  });

  it("falls back to a free port when the one asked for is taken, and says so", TIMEOUT, async () => {
    const taken = await occupiedPort();
    const fixture = runFixture(["--dashboard-port", String(taken)]);
    running.push(fixture);
    const [, port] = await fixture.waitForOutput(/dashboard: port \d+ is taken, serving on (\d+) instead/);
    const [, loginPort] = await fixture.waitForOutput(/dashboard: http:\/\/127\.0\.0\.1:(\d+)\/login\?t=/);

    expect(fixture.stdout()).toContain(`port ${taken} is taken`);
    expect(loginPort).toBe(port);
    expect((await httpRequest(Number(port), "/")).status).toBe(401);
  });

  it("BOSUN_DASHBOARD_UNSECURED=true drops the token with a warning; the Host check stays; --dashboard-log-lines caps each resource", TIMEOUT, async () => {
    const fixture = await runFixtureDashboard(["--dashboard-log-lines", "7"], { BOSUN_DASHBOARD_UNSECURED: "true" });
    running.push(fixture);

    expect(fixture.loginUrl).toBe(`http://127.0.0.1:${fixture.port}/`);
    expect(fixture.stdout()).toContain("dashboard: WARNING: unsecured");
    expect((await httpRequest(fixture.port, "/api/resources/ticker")).status).toBe(200);
    expect((await httpRequest(fixture.port, "/api/resources/ticker", { headers: { Host: "attacker.example" } })).status).toBe(421);
    await fixture.waitForOutput(/ticker +\| tick 20\n/);
    const { lines } = JSON.parse((await httpRequest(fixture.port, "/api/logs?resource=ticker&limit=100")).body) as { lines: { line: number }[] };
    expect(lines).toHaveLength(7);
    expect(lines[0]!.line).toBeGreaterThan(14);
  });

  it("rejects a port that is not a number as a usage error", TIMEOUT, async () => {
    const fixture = runFixture(["--dashboard-port", "eighty"]);
    running.push(fixture);

    expect(await fixture.exited).toBe(2);
  });
});
