import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildDashboardUi } from "../scripts/lib/build-dashboard-ui.js";
import { launchBrowser, type TestBrowser } from "./support/browser.js";
import { startDashboardRun, type DashboardRun } from "./support/dashboard-run.js";
import { eventually } from "./support/eventually.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Kept after the run (test-results/ is gitignored); the README's images are copies of two of them. */
const SCREENSHOTS = join(ROOT, "test-results", "dashboard");
const UI_TIMEOUT_MS = 30_000;
const DOM_ROW_LIMIT = 2_000;

let run: DashboardRun;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildDashboardUi(ROOT);
  run = await startDashboardRun();
  browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  page = browser.page;
  page.setDefaultTimeout(UI_TIMEOUT_MS);
}, 240_000);

afterEach(async (context) => {
  if (context.task.result?.state === "fail" && page) {
    const name = `failed-${context.task.name.replace(/\W+/g, "-")}`;
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) }).catch(() => undefined);
    // What the AppHost printed up to the failure, beside the screenshot.
    if (run) writeFileSync(join(SCREENSHOTS, `${name}.txt`), run.output());
  }
});

afterAll(async () => {
  await browser?.[Symbol.asyncDispose]();
  await run?.stop();
});

const row = (name: string) => page.locator(`tr[data-resource="${name}"]`);
const viewport = () => page.locator(".log-viewport");
const domRows = () => page.locator(".log-viewport .log-row").count();

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The page's count and last seq of the shown lines, read together. */
async function viewState(): Promise<{ rows: number; lastSeq: number }> {
  const [rows, lastSeq] = await viewport().evaluate((element) => [element.getAttribute("data-rows"), element.getAttribute("data-last-seq")]);
  return { rows: Number(rows), lastSeq: Number(lastSeq) };
}

describe("the dashboard against a real run (Redis container and a Node worker)", () => {
  it("logs in with the printed URL, strips the token from the address and sets an HttpOnly SameSite=Strict cookie", async () => {
    await page.goto(run.loginUrl);
    expect(page.url()).toBe(`${run.origin}/`);
    const [cookie] = await browser.context.cookies(run.origin);
    expect(cookie).toMatchObject({ name: "bosun_dashboard", httpOnly: true, sameSite: "Strict", secure: false });
    await expect.poll(() => page.locator(".connection").getAttribute("data-connection")).toBe("live");
    expect(browser.outsideRequests).toEqual([]);
  });

  it("lists both resources with kind, state, health, source, endpoints and commands enabled by state", async () => {
    await page.goto(`${run.origin}/#/`);
    await row("worker").and(page.locator('[data-state="Running"][data-health="Healthy"]')).waitFor();
    await row("cache").and(page.locator('[data-state="Running"]')).waitFor();
    await expect.poll(() => row("cache").locator("td").nth(0).textContent()).toBe("container");
    expect(await row("cache").locator("td.source").textContent()).toMatch(/redis/);
    expect(await row("worker").locator("td.source").textContent()).toContain("dashboard-worker.mjs");
    expect(await row("worker").locator("td.endpoints a").getAttribute("href")).toBe(run.endpoint("worker"));
    // The worker writes to stderr every fifth tick; its badge counts those lines until its console is viewed.
    await row("worker").locator(".error-badge").waitFor();
    expect(Number(await row("worker").locator(".error-badge").textContent())).toBeGreaterThan(0);
    expect(await row("cache").locator(".error-badge").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Start worker", exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Stop worker", exact: true }).isEnabled()).toBe(true);
    await shoot("resources");
  });

  it("masks the environment's secrets and the connection string until 'Reveal values'", async () => {
    const details = (await (await page.request.get(`${run.origin}/api/resources/worker`)).json()) as { environment: { name: string; value: string; secret: boolean }[] };
    const secret = details.environment.find((entry) => entry.secret && entry.value.length >= 8);
    expect(secret, `worker has no secret environment variable: ${JSON.stringify(details.environment.map((e) => e.name))}`).toBeDefined();
    await row("worker").getByRole("link", { name: "worker" }).click();
    expect(page.url()).toBe(`${run.origin}/#/resource/worker`);
    await page.getByRole("region", { name: "Environment" }).getByText(secret!.name, { exact: true }).waitFor();
    expect(await page.locator("main").textContent()).not.toContain(secret!.value);
    expect(await page.locator("code.masked").count()).toBeGreaterThan(0);
    await page.getByRole("region", { name: "Dependents" }).waitFor();
    expect(await page.getByRole("region", { name: "References" }).textContent()).toContain("cache");
    await shoot("details");
    await page.getByLabel("Reveal values").check();
    await page.getByText(secret!.value, { exact: true }).first().waitFor();
    await page.getByLabel("Reveal values").uncheck();
    expect(await page.locator("main").textContent()).not.toContain(secret!.value);
  });

  it("shows a resource's console by name: colours, stderr marked, filter, follow and pause", async () => {
    await page.goto(`${run.origin}/#/logs/worker`);
    await page.locator(".log-row .text", { hasText: /^tick \d+/ }).first().waitFor();
    expect(await page.locator(".log-row .text .fg-2", { hasText: "tick" }).count()).toBeGreaterThan(0);
    await page.locator(".log-row.stderr", { hasText: "took longer than expected" }).first().waitFor();

    await page.getByLabel("Filter").fill("took longer");
    await eventually("the filter to apply", UI_TIMEOUT_MS, async () => {
      const texts = await page.locator(".log-row .text").allTextContents();
      if (texts.length === 0 || texts.some((text) => !text.includes("took longer"))) throw new Error(texts.join("\n"));
    });
    await page.getByLabel("Filter").fill("");

    // Following: the newest line arrives at the bottom of the view.
    const before = await viewState();
    await expect.poll(async () => (await viewState()).lastSeq, { timeout: UI_TIMEOUT_MS }).toBeGreaterThan(before.lastSeq);
    const [lastRow, lastHeld] = await viewport().evaluate((element) => [element.querySelector(".log-row:last-child")?.getAttribute("data-seq"), element.getAttribute("data-last-seq")]);
    expect(lastRow).toBe(lastHeld);
    await shoot("logs");

    // Paused: new lines are counted but the rows in view stay where they are.
    await page.getByRole("button", { name: "Following", exact: true }).click();
    await page.getByRole("button", { name: "Paused", exact: true }).waitFor();
    await viewport().evaluate((element) => element.scrollTo(0, 0));
    // The rows are redrawn in the frame after the scroll.
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
    const firstShown = await page.locator(".log-row").first().getAttribute("data-seq");
    const paused = await viewState();
    await expect.poll(async () => (await viewState()).lastSeq, { timeout: UI_TIMEOUT_MS }).toBeGreaterThan(paused.lastSeq);
    expect(await page.locator(".log-row").first().getAttribute("data-seq")).toBe(firstShown);
    await page.getByRole("button", { name: "Paused", exact: true }).click();
    await page.getByRole("button", { name: "Following", exact: true }).waitFor();

    // Clear hides what arrived so far; newer lines still come.
    const cleared = await viewState();
    await page.getByRole("button", { name: "Clear", exact: true }).click();
    // Polled: the store's newest line can move on before the page has redrawn after the click.
    const shownSeqs = async () => (await page.locator(".log-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-seq")))).map(Number);
    await expect.poll(async () => {
      const seqs = await shownSeqs();
      return seqs.length > 0 && Math.min(...seqs) > cleared.lastSeq;
    }, { timeout: UI_TIMEOUT_MS }).toBe(true);
  });

  it("interleaves all resources with their names at #/logs", async () => {
    await page.goto(`${run.origin}/#/logs`);
    await page.locator(".log-row .src", { hasText: "worker" }).first().waitFor();
    await page.getByLabel("Filter").fill("Ready to accept connections");
    await page.locator(".log-row .src", { hasText: "cache" }).first().waitFor();
    await page.getByLabel("Filter").fill("");
    await shoot("logs-all");
  });
});

describe("commands from the page", () => {
  it("stops a container others depend on after a confirmation, then starts it again", async () => {
    await page.goto(`${run.origin}/#/`);
    await page.getByRole("button", { name: "Stop cache", exact: true }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.textContent()).toContain("worker depends on it");
    await shoot("confirm-stop");
    await dialog.getByRole("button", { name: "Stop cache", exact: true }).click();
    await row("cache").and(page.locator('[data-state="Exited"], [data-state="Finished"]')).waitFor();
    await page.locator(".toast", { hasText: "cache stopped" }).waitFor();
    expect(await page.getByRole("button", { name: "Start cache", exact: true }).isEnabled()).toBe(true);

    await page.getByRole("button", { name: "Start cache", exact: true }).click();
    await row("cache").and(page.locator('[data-state="Running"][data-health="Healthy"]')).waitFor();
    await page.locator(".toast", { hasText: "cache started" }).waitFor();
  });

  it("restarts the Node process and marks the restart in its console", async () => {
    await page.getByRole("button", { name: "Restart worker", exact: true }).click();
    await row("worker").and(page.locator('[data-state="Running"][data-health="Healthy"]')).locator("td.number", { hasText: /^1$/ }).first().waitFor();
    await page.locator(".toast", { hasText: "worker restarted" }).waitFor();
    await page.goto(`${run.origin}/#/logs/worker`);
    await page.getByLabel("Filter").fill("restarted");
    await page.locator(".log-row.marker-restart").first().waitFor();
    await page.getByLabel("Filter").fill("");
    await shoot("logs-restart");
  });

  it("stops the Node process and starts it again", async () => {
    await page.goto(`${run.origin}/#/resource/worker`);
    await page.getByRole("button", { name: "Stop worker", exact: true }).click();
    await page.locator('.summary .badge', { hasText: /^(Exited|Finished)$/ }).waitFor();
    await page.getByRole("button", { name: "Start worker", exact: true }).click();
    await page.locator(".summary .badge", { hasText: /^Running$/ }).waitFor();
    await page.goto(`${run.origin}/#/`);
    await row("worker").and(page.locator('[data-state="Running"][data-health="Healthy"]')).waitFor();
  });
});

/** Destroys this machine's TCP connections to `port` (the kernel's socket-destroy, via iproute2's ss). */
async function dropConnections(port: string): Promise<void> {
  await promisify(execFile)("ss", ["-K", "-t", "dst", "127.0.0.1", "dport", "=", port]).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`ss -K could not drop the dashboard's connections (needs iproute2 and root): ${error.stderr ?? error.message}`);
  });
}

describe("the console's stream", () => {
  /** The page holds exactly the lines the server has up to the page's last one: none lost, none twice. */
  async function expectSameLinesAsServer(): Promise<void> {
    const shown = await viewState();
    const response = await page.request.get(`${run.origin}/api/logs?resource=worker&before=${shown.lastSeq + 1}&limit=5000`);
    const { lines } = (await response.json()) as { lines: { seq: number }[] };
    expect(shown.rows).toBe(lines.length);
    expect(shown.lastSeq).toBe(lines.at(-1)!.seq);
  }

  it("resumes after a reload and after the connection drops, without duplicate or lost lines", async () => {
    await page.goto(`${run.origin}/#/logs/worker`);
    await page.locator(".log-row").first().waitFor();
    await expectSameLinesAsServer();

    await page.reload();
    await page.locator(".log-row").first().waitFor();
    await expect.poll(async () => (await viewState()).rows).toBeGreaterThan(0);
    await expectSameLinesAsServer();

    // The connection drops under the page (its sockets to the dashboard are destroyed); EventSource
    // reconnects by itself, and the lines it gets again are not shown twice.
    const before = await viewState();
    const reconnect = page.waitForRequest((request) => request.url().includes("/api/stream"));
    await dropConnections(new URL(run.origin).port);
    await reconnect;
    await expect.poll(() => page.locator(".connection").getAttribute("data-connection"), { timeout: UI_TIMEOUT_MS }).toBe("live");
    await expect.poll(async () => (await viewState()).lastSeq, { timeout: UI_TIMEOUT_MS }).toBeGreaterThan(before.lastSeq);
    await expectSameLinesAsServer();
  });

  it("keeps at most 2,000 rows in the DOM and answers clicks while a process writes 50,000 lines in 5 s", async () => {
    await page.goto(`${run.origin}/#/logs/worker`);
    await page.locator(".log-row").first().waitFor();
    const started = await fetch(`${run.endpoint("worker")}/burst?lines=50000&seconds=5`, { signal: AbortSignal.timeout(5_000) });
    expect(started.status).toBe(200);

    const rowCounts: number[] = [];
    await page.locator(".log-row .text", { hasText: /^burst 0/ }).first().waitFor();
    for (let i = 0; i < 4; i++) {
      await page.getByRole("button", { name: i % 2 === 0 ? "Following" : "Paused", exact: true }).click();
      await page.getByRole("button", { name: i % 2 === 0 ? "Paused" : "Following", exact: true }).waitFor();
      rowCounts.push(await domRows());
    }
    await page.locator(".log-row .text", { hasText: "burst done 50000" }).waitFor({ timeout: 60_000 });
    rowCounts.push(await domRows());
    expect(Math.max(...rowCounts)).toBeLessThanOrEqual(DOM_ROW_LIMIT);
    expect(Math.min(...rowCounts)).toBeGreaterThan(0);

    // The page holds the newest 10,000 lines (the retention) and none of them is missing.
    await expect.poll(async () => (await viewState()).rows).toBe(10_000);
    await page.getByLabel("Filter").fill("burst 0");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download", exact: true }).click()]);
    const numbers = readFileSync((await download.path())!, "utf8").split("\n").map((text) => Number(/^burst (\d+)/.exec(text)?.[1]));
    expect(numbers.at(-1)).toBe(50_000);
    expect(numbers.length).toBeGreaterThan(9_000);
    expect(numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1)).toBe(true);
    await page.getByLabel("Filter").fill("");
    await shoot("logs-after-burst");
  });
});
