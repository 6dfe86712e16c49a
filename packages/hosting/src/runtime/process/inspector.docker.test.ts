import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createBuilder } from "../../app/distributed-application-builder.js";

interface InspectorTarget {
  readonly type: string;
  readonly webSocketDebuggerUrl: string;
}

async function targets(url: string): Promise<InspectorTarget[]> {
  const response = await fetch(`${url}/json/list`, { signal: AbortSignal.timeout(2_000) });
  return (await response.json()) as InspectorTarget[];
}

describe("withInspect() with the real process runtime", () => {
  it("starts the Node app with the inspector on 127.0.0.1 at a port that stays across restarts", { timeout: 60_000 }, async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-inspect-"));
    writeFileSync(path.join(folder, "server.ts"), "import http from 'node:http';\nhttp.createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');\n");
    const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName: "inspect-test" });
    builder.addNodeApp("api", folder, "server.ts").withHttpEndpoint({ env: "PORT" }).withHttpHealthCheck("/").withInspect();
    await using app = await builder.build().start();
    await app.settled;

    const inspector = app.resource("api").endpoints.inspector!;
    expect(inspector).toMatch(/^http:\/\/localhost:\d+$/);
    const [first] = await targets(inspector);
    expect(first?.type).toBe("node");
    const port = new URL(inspector).port;
    expect(first?.webSocketDebuggerUrl).toMatch(new RegExp(`^ws://localhost:${port}/`));
    expect((await targets(`http://127.0.0.1:${port}`)).length).toBe(1);

    await app.restartResource("api");

    expect(app.resource("api").endpoints.inspector).toBe(inspector);
    const [second] = await targets(inspector);
    expect(second?.webSocketDebuggerUrl).not.toBe(first?.webSocketDebuggerUrl);
  });
});
