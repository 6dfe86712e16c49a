import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTestApp, type TestApp } from "@bosun/testing";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defineApp } from "../../../../apphost/app.js";
import { launchBrowser, type TestBrowser } from "../../../../test/support/browser.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
/** Kept after the run (test-results/ is gitignored). */
const SCREENSHOTS = join(ROOT, "test-results", "frontend");
/** A cold `next build` takes about 40 s on two cores, on top of the stack's containers. */
const STARTUP_TIMEOUT_MS = 360_000;
const UI_TIMEOUT_MS = 20_000;

let app: TestApp;
let browser: TestBrowser;
let page: Page;
let frontend: URL;

beforeAll(async () => {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Brings what the frontend needs: the gateway, auth-api, Postgres, Redis and RabbitMQ.
  app = await startTestApp(defineApp, { resources: ["frontend"], appHostDirectory: join(ROOT, "apphost"), startupTimeoutMs: STARTUP_TIMEOUT_MS });
  frontend = app.endpoint("frontend");
  browser = await launchBrowser();
  page = browser.page;
  page.setDefaultTimeout(UI_TIMEOUT_MS);
}, STARTUP_TIMEOUT_MS + 60_000);

afterEach(async (context) => {
  if (context.task.result?.state === "fail" && page) {
    await page.screenshot({ path: join(SCREENSHOTS, `failed-${context.task.name.replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.[Symbol.asyncDispose]();
  await app?.stop();
});

const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const shopper = { email: `shopper-${unique}@example.com`, userName: `shopper.${unique}`, password: "correct horse battery staple" };

async function register(user: { email: string; userName?: string; password: string }) {
  await page.goto(new URL("/register", frontend).href);
  await page.getByLabel("E-mail").fill(user.email);
  if (user.userName) await page.getByLabel("User name").fill(user.userName);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function signIn(login: string, password: string) {
  await page.goto(new URL(`/login`, frontend).href);
  await page.getByLabel("E-mail or user name").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("the Next.js frontend in headless Chromium, through the gateway and auth-api", () => {
  it("registers a new user on /register and sends them on to /login", async () => {
    await register(shopper);
    await page.waitForURL((url) => url.pathname === "/login");
    await expect.poll(() => page.getByRole("status").textContent()).toContain(`Account created for ${shopper.userName}`);
    expect(await page.getByLabel("E-mail or user name").inputValue()).toBe(shopper.userName);
    await page.screenshot({ path: join(SCREENSHOTS, "registered.png") });
  });

  it("signs the user in on /login and shows their name and e-mail on the home page", async () => {
    await signIn(shopper.email, shopper.password);
    await page.waitForURL((url) => url.pathname === "/");
    const account = page.getByTestId("signed-in");
    await account.waitFor();
    expect(await account.textContent()).toContain(`Signed in as ${shopper.userName}`);
    expect(await page.getByTestId("user-email").textContent()).toBe(shopper.email);
    await page.screenshot({ path: join(SCREENSHOTS, "signed-in.png"), fullPage: true });
  });

  it("keeps the tokens in httpOnly cookies that the page's scripts cannot read", async () => {
    const cookies = await browser.context.cookies(frontend.href + "api/auth/me");
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path]).sort()).toEqual([
      ["shop_access", true, "Strict", "/api/auth"],
      ["shop_refresh", true, "Strict", "/api/auth"],
    ]);
    expect(await page.evaluate("document.cookie")).toBe("");
  });

  it("stays signed in after a reload", async () => {
    await page.reload();
    await page.getByTestId("signed-in").waitFor();
  });

  it("signs out: the refresh token is revoked at auth-api and the home page offers to sign in", async () => {
    const refreshToken = (await browser.context.cookies(frontend.href + "api/auth/me")).find((c) => c.name === "shop_refresh")?.value;
    expect(refreshToken).toBeTruthy();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("signed-out").waitFor();
    await page.reload();
    await page.getByTestId("signed-out").waitFor();
    const reuse = await app.httpClient("gateway")("/api/auth/refresh", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refreshToken }),
    });
    expect(reuse.status).toBe(401);
  });

  it("shows auth-api's message for a wrong password and for an e-mail address already registered", async () => {
    await signIn(shopper.userName, "not the password");
    await expect.poll(() => page.getByTestId("form-error").textContent()).toBe("Wrong user name, e-mail address or password");
    expect(new URL(page.url()).pathname).toBe("/login");

    await register({ email: shopper.email, password: shopper.password });
    await expect.poll(() => page.getByTestId("form-error").textContent()).toBe("That user name or e-mail address is already registered");
    await page.screenshot({ path: join(SCREENSHOTS, "already-registered.png") });
  });

  it("made no request beyond this machine", () => {
    expect(browser.outsideRequests).toEqual([]);
  });
});
