import { readFileSync } from "node:fs";
import { aspireApiDecision, aspireApiNames } from "bosun/aspire";
import { expect, it } from "vitest";
import { PAGE, renderPage } from "./aspire-compatibility.js";

it("docs/aspire-compatibility.md lists every Aspire TypeScript AppHost API with bosun's decision", () => {
  const page = readFileSync(PAGE, "utf8");
  expect(page, "run `npm run docs:aspire`").toBe(renderPage(page));
  for (const name of ["createBuilder", "refExpr", "withRedisCommander", "addCSharpApp", "withBrowserDebugger"]) expect(page).toContain(`| \`${name}\` |`);
});

it("decides every name: supported, mapped, or refused with a reason and what to use instead", () => {
  const names = aspireApiNames();
  expect(names.length).toBeGreaterThan(400);
  for (const name of names) {
    const decision = aspireApiDecision(name)!;
    if (decision.status === "refused") expect(decision.instead, name).toMatch(/\S/);
    expect(["supported", "mapped", "refused"], name).toContain(decision.status);
  }
});
