import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogLine, ResourceDetails } from "./protocol.js";
import { FIXTURE_SECRET, runFixtureDashboard } from "./testing-support/dashboard-apphost.js";
import { EventStreamReader } from "./testing-support/event-stream-reader.js";
import { httpRequest, signIn } from "./testing-support/http-client.js";

type Fixture = Awaited<ReturnType<typeof runFixtureDashboard>>;
const TIMEOUT = { timeout: 90_000 };

let fixture: Fixture;
let cookie: string;
const readers: EventStreamReader[] = [];

async function openStream(headers: Record<string, string> = {}, query = ""): Promise<EventStreamReader> {
  const reader = await EventStreamReader.open(fixture.port, { Cookie: cookie, ...headers }, query);
  readers.push(reader);
  return reader;
}

beforeAll(async () => {
  fixture = await runFixtureDashboard();
  cookie = await signIn(fixture.port, fixture.loginUrl);
}, 90_000);

afterAll(async () => {
  readers.forEach((r) => r.close());
  expect(await fixture?.stop()).toBe(0);
}, 60_000);

describe("the dashboard's login", () => {
  it("trades the run's token for an HttpOnly SameSite=Strict cookie and redirects to a URL without it", async () => {
    const path = new URL(fixture.loginUrl).pathname + new URL(fixture.loginUrl).search;
    const answer = await httpRequest(fixture.port, path);

    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe("/");
    const [setCookie] = answer.headers["set-cookie"] ?? [];
    expect(setCookie).toMatch(/^bosun_dashboard=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(setCookie).not.toContain(new URL(fixture.loginUrl).searchParams.get("t"));
  });

  it("answers 401 to a wrong or missing token and to any request without the cookie", async () => {
    const wrong = await httpRequest(fixture.port, "/login?t=not-the-token");
    const missing = await httpRequest(fixture.port, "/login");
    const page = await httpRequest(fixture.port, "/");
    const api = await httpRequest(fixture.port, "/api/resources/ticker");
    const stream = await openStream({ Cookie: "bosun_dashboard=forged" });
    const forgedPost = await httpRequest(fixture.port, "/api/resources/ticker/stop", { method: "POST", headers: { Cookie: "bosun_dashboard=forged" } });

    expect([wrong.status, missing.status, page.status, api.status, stream.status, forgedPost.status]).toEqual([401, 401, 401, 401, 401, 401]);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    expect(page.body).toContain("URL printed by `run`");
    expect(JSON.parse(api.body)).toEqual({ error: expect.stringContaining("not signed in") });
    expect(await httpRequest(fixture.port, "/", { headers: { Cookie: cookie } })).toMatchObject({ status: 200 });
  });

  it("prints the login URL once, and never the token anywhere else", async () => {
    const token = new URL(fixture.loginUrl).searchParams.get("t")!;
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(fixture.stdout().split(token)).toHaveLength(2);
    const stream = await openStream({}, "?since=0");
    await stream.until(() => stream.lines().length > 0, "log lines");
    const details = await httpRequest(fixture.port, "/api/resources/ticker", { headers: { Cookie: cookie } });
    expect(JSON.stringify(stream.events) + details.body).not.toContain(token);
  });
});

describe("the dashboard's request checks", () => {
  it("refuses a foreign Host (DNS rebinding) before anything else, and accepts localhost", async () => {
    const rebound = await httpRequest(fixture.port, "/api/resources/ticker", { headers: { Host: `attacker.example:${fixture.port}`, Cookie: cookie } });
    const local = await httpRequest(fixture.port, "/api/resources/ticker", { headers: { Host: `localhost:${fixture.port}`, Cookie: cookie } });

    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain("ticker.mjs");
    expect(local.status).toBe(200);
  });

  it("refuses a foreign Origin on a command and on the stream, and the command does nothing", async () => {
    const post = await httpRequest(fixture.port, "/api/resources/follower/stop", { method: "POST", headers: { Cookie: cookie, Origin: "http://attacker.example" } });
    const stream = await openStream({ Origin: "http://attacker.example" });
    const sameOrigin = await openStream({ Origin: `http://127.0.0.1:${fixture.port}` });

    expect(post.status).toBe(403);
    expect(stream.status).toBe(403);
    expect(sameOrigin.status).toBe(200);
    await sameOrigin.until(() => sameOrigin.snapshot() !== undefined, "the snapshot");
    expect(sameOrigin.snapshot()?.resources.find((r) => r.name === "follower")?.state).toBe("Running");
  });

  it("sends the CSP and the other security headers on every answer", async () => {
    const answers = await Promise.all([
      httpRequest(fixture.port, "/", { headers: { Cookie: cookie } }),
      httpRequest(fixture.port, "/"),
      httpRequest(fixture.port, "/", { headers: { Host: "evil.example" } }),
      httpRequest(fixture.port, "/api/logs", { headers: { Cookie: cookie } }),
    ]);
    for (const answer of answers) {
      expect(answer.headers["content-security-policy"]).toMatch(/^default-src 'self'(;|$)/);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    }
    expect(answers[3]!.headers["cache-control"]).toBe("no-store");
  });
});

describe("the dashboard's stream", () => {
  it("starts with a snapshot of every resource, then sends log lines in batches with their seq as id", TIMEOUT, async () => {
    const stream = await openStream();
    await stream.until(() => stream.lines().length >= 20, "20 log lines");

    const snapshot = stream.snapshot()!;
    expect(stream.events[0]?.event).toBe("snapshot");
    expect(snapshot.resources.map((r) => r.name)).toEqual(["api-token", "ticker", "follower"]);
    expect(snapshot.resources.find((r) => r.name === "ticker")).toMatchObject({ kind: "process", state: "Running", dependents: ["follower"] });
    const lines = stream.lines();
    expect(lines[0]!.seq).toBe(snapshot.logCursor + 1);
    expectContiguous(lines);
    for (const event of stream.events.filter((e) => e.event === "logs")) expect(Number(event.id)).toBe((event.data as LogLine[]).at(-1)!.seq);
    expect(lines.some((l) => l.stream === "stderr")).toBe(true);
  });

  it("redacts the secret in log lines, as the terminal does", async () => {
    const stream = await openStream({}, "?since=0");
    await stream.until(() => stream.lines().some((l) => l.text.startsWith("starting with token")), "the ticker's first line");

    expect(stream.lines().find((l) => l.text.startsWith("starting with token"))?.text).toBe("starting with token ***");
    expect(JSON.stringify(stream.events)).not.toContain(FIXTURE_SECRET);
  });

  it("resumes after a reconnect from Last-Event-ID or ?since= without losing or repeating a line", TIMEOUT, async () => {
    const first = await openStream();
    await first.until(() => first.lines().length >= 10, "10 lines");
    first.close();
    const last = Number(first.events.filter((e) => e.id !== undefined).at(-1)!.id);
    const received = first.lines().filter((l) => l.seq <= last);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const byHeader = await openStream({ "Last-Event-ID": String(last) });
    const byQuery = await openStream({}, `?since=${last}`);
    await byHeader.until(() => byHeader.lines().length >= 20, "20 replayed lines");
    await byQuery.until(() => byQuery.lines().length >= 20, "20 replayed lines");

    expect(byHeader.lines()[0]!.seq).toBe(last + 1);
    expect(byQuery.lines()[0]!.seq).toBe(last + 1);
    expectContiguous([...received, ...byHeader.lines()]);
    expect(byHeader.lines()[0]!.time).toBeLessThan(Date.now() - 250);
  });
});

describe("the dashboard's API", () => {
  it("pages back through one resource's lines, oldest first", async () => {
    const answer = await httpRequest(fixture.port, "/api/logs?resource=ticker&limit=5", { headers: { Cookie: cookie } });
    const { lines } = JSON.parse(answer.body) as { lines: LogLine[] };
    const before = await httpRequest(fixture.port, `/api/logs?resource=ticker&limit=5&before=${lines[0]!.seq}`, { headers: { Cookie: cookie } });
    const older = (JSON.parse(before.body) as { lines: LogLine[] }).lines;

    expect(lines).toHaveLength(5);
    expectContiguous([...older, ...lines]);
    expect(new Set([...older, ...lines].map((l) => l.resource))).toEqual(new Set(["ticker"]));
    expect((await httpRequest(fixture.port, "/api/logs?limit=abc", { headers: { Cookie: cookie } })).status).toBe(400);
  });

  it("shows a resource's environment with secret values flagged", async () => {
    const answer = await httpRequest(fixture.port, "/api/resources/ticker", { headers: { Cookie: cookie } });
    const details = JSON.parse(answer.body) as ResourceDetails;

    expect(details.environment).toContainEqual({ name: "API_TOKEN", value: FIXTURE_SECRET, secret: true });
    expect(details.environment).toContainEqual({ name: "TICK_MS", value: "20", secret: false });
    expect((await httpRequest(fixture.port, "/api/resources/nobody", { headers: { Cookie: cookie } })).status).toBe(404);
  });

  it("stops, starts and restarts a process, with the states as resource events and a restart marker in its log", TIMEOUT, async () => {
    const stream = await openStream();
    const post = (command: string) => httpRequest(fixture.port, `/api/resources/follower/${command}`, { method: "POST", headers: { Cookie: cookie, Origin: `http://127.0.0.1:${fixture.port}` } });
    const follower = () => stream.resources().filter((r) => r.name === "follower");
    await stream.until(() => stream.snapshot() !== undefined, "the snapshot");

    const refused = await post("start");
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body).error).toMatch(/^resource 'follower' is Running, not stopped/);

    expect((await post("stop")).status).toBe(202);
    await stream.until(() => follower().some((r) => r.state === "Finished" || r.state === "Exited"), "follower stopped");
    expect(follower().at(-1)?.commands).toEqual({ start: true, stop: false, restart: true });

    expect((await post("start")).status).toBe(202);
    await stream.until(() => follower().some((r) => r.state === "Running" && r.restarts === 1), "follower running again");

    expect((await post("restart")).status).toBe(202);
    await stream.until(() => follower().some((r) => r.state === "Running" && r.restarts === 2), "follower restarted");
    await stream.until(() => stream.lines().filter((l) => l.resource === "follower" && l.marker === "restart").length === 2, "two restart markers");
    expect(stream.lines().filter((l) => l.marker === "restart").map((l) => l.text)).toEqual(["— restarted (#1) —", "— restarted (#2) —"]);
  });

  it("refuses commands a value does not have, naming the resource", async () => {
    const answer = await httpRequest(fixture.port, "/api/resources/api-token/restart", { method: "POST", headers: { Cookie: cookie } });

    expect(answer.status).toBe(409);
    expect(JSON.parse(answer.body).error).toBe("resource 'api-token' is a parameter: it has no process or container of its own to restart");
  });
});

function expectContiguous(lines: readonly LogLine[]): void {
  const seqs = lines.map((l) => l.seq);
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
}
