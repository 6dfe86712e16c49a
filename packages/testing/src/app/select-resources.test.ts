import { describe, expect, it } from "vitest";
import { createBuilder } from "bosun";
import { defineApp } from "../../../../apphost/app.js";
import { selectResources } from "./select-resources.js";

function referenceModel() {
  const builder = createBuilder({ appHostDirectory: "/tmp/apphost", appName: "reference" });
  defineApp(builder);
  return builder.build().resources;
}

const names = (resources: readonly { name: string }[]) => resources.map((r) => r.name);

describe("selectResources", () => {
  it("adds a database's server and the parameters behind their connection strings", () => {
    expect(names(selectResources(referenceModel(), ["ecommercedb"]))).toEqual(["postgres-password", "postgres", "ecommercedb"]);
  });

  it("adds what a Node app waits for and references, but not the resources that depend on it", () => {
    expect(names(selectResources(referenceModel(), ["auth-api"]))).toEqual([
      "postgres-password",
      "postgres",
      "ecommercedb",
      "cache-password",
      "cache",
      "messaging-password",
      "messaging",
      // auth-api waits for its migration job, which brings the role's password it sets; the JWT key is auth-api's own.
      "auth-api-db-password",
      "auth-api-jwt-key",
      "auth-api-migrations",
      "auth-api-migrate",
      "auth-api",
    ]);
  });

  it("leaves out pgAdmin, which only waits for the server", () => {
    expect(names(selectResources(referenceModel(), ["postgres"]))).not.toContain("postgres-pgadmin");
  });

  it("keeps the whole model when no names are given", () => {
    const model = referenceModel();
    expect(selectResources(model, undefined)).toEqual(model);
  });

  it("names the unknown resources and lists the model's", () => {
    expect(() => selectResources(referenceModel(), ["cache", "db", "queue"])).toThrowErrorMatchingInlineSnapshot(
      `[BosunError: startTestApp: no resource named 'db', 'queue' in the model; it has 'postgres-password', 'postgres', 'postgres-pgadmin-password', 'postgres-pgadmin-email', 'postgres-pgadmin', 'ecommercedb', 'cache-password', 'cache', 'messaging-password', 'messaging', 'auth-api-db-password', 'auth-api-jwt-key', 'auth-api-migrations', 'auth-api-migrate', 'auth-api', 'gateway', 'frontend']`,
    );
  });
});
