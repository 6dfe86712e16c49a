import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { watchApps } from "./watch-apps.js";
import { eventually } from "../../../../test/support/eventually.js";
import { answer, serverSource } from "../../../../test/support/version-server.js";

function appInTempFolder(appName: string) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-dev-loop-"));
  const web = mkdtempSync(path.join(os.tmpdir(), "bosun-dev-loop-web-"));
  writeFileSync(path.join(folder, "server.mjs"), serverSource("v1"));
  writeFileSync(path.join(web, "server.mjs"), serverSource("web"));
  const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName });
  const api = builder.addNodeApp("api", folder, "server.mjs").withHttpEndpoint({ env: "PORT" }).withHttpHealthCheck("/").withWatch();
  builder.addNodeApp("web", web, "server.mjs").withHttpEndpoint({ env: "PORT" }).withHttpHealthCheck("/").withReference(api).waitFor(api);
  return { folder, builder, api };
}

describe("the dev loop with real processes", () => {
  it("a saved file restarts the watched app: new response, same port, dependent not restarted", { timeout: 120_000 }, async () => {
    const { folder, builder, api } = appInTempFolder("dev-loop-watch");
    await using app = await builder.build().start();
    await app.settled;
    const messages: string[] = [];
    const watching = await watchApps({ app, resources: [api.resource], onMessage: (m) => messages.push(m), quietMs: 100 });
    try {
      const apiUrl = app.resource("api").endpoints.http!;
      const webUrl = app.resource("web").endpoints.http!;
      const [before, webBefore] = [await answer(apiUrl), await answer(webUrl)];

      writeFileSync(path.join(folder, "server.mjs"), serverSource("v2"));
      const after = await eventually("the new code to answer", 30_000, async () => {
        const now = await answer(apiUrl);
        if (now.version !== "v2") throw new Error(`still ${now.version}`);
        return now;
      });

      expect(after.pid).not.toBe(before.pid);
      expect(app.resource("api").endpoints.http).toBe(apiUrl);
      expect(await answer(webUrl)).toEqual(webBefore);
      expect(messages).toContain("api: restarting: server.mjs changed");
    } finally {
      watching.close();
    }
  });

  it("a syntax error shows the error and does not loop; fixing it brings the app back", { timeout: 120_000 }, async () => {
    const { folder, builder, api } = appInTempFolder("dev-loop-crash");
    const lines: string[] = [];
    await using app = await builder.build().start({ onLog: (resource, stream, line) => lines.push(`${resource} ${stream}: ${line}`) });
    await app.settled;
    const messages: string[] = [];
    const watching = await watchApps({ app, resources: [api.resource], onMessage: (m) => messages.push(m), quietMs: 100 });
    try {
      const apiUrl = app.resource("api").endpoints.http!;
      writeFileSync(path.join(folder, "server.mjs"), "import http from 'node:http';\nhttp.createServer((req, res) => res.end('x'))).listen(1);\n");
      await eventually("api to exit", 30_000, async () => {
        if (app.resource("api").state !== "Exited") throw new Error(`api is ${app.resource("api").state}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      expect(app.resource("api")).toMatchObject({ state: "Exited", exitCode: 1, restarts: 1 });
      expect(lines.some((line) => line.startsWith("api stderr: SyntaxError"))).toBe(true);
      expect(messages).toContain("api: exited with code 1; its output above shows why; it restarts on the next change");
      expect(app.resource("web")).toMatchObject({ state: "Running", restarts: 0 });

      writeFileSync(path.join(folder, "server.mjs"), serverSource("fixed"));
      await eventually("the fixed code to answer", 30_000, async () => {
        const now = await answer(apiUrl);
        if (now.version !== "fixed") throw new Error(`still ${now.version}`);
      });
      expect(await app.waitForHealthy("api")).toMatchObject({ state: "Running", health: "Healthy", restarts: 2 });
    } finally {
      watching.close();
    }
  });
});
