import { describe, expect, it } from "vitest";
import { parseConnectionString } from "./parse-connection-string.js";

const VARIABLE = "ConnectionStrings__ecommercedb";

describe("parseConnectionString", () => {
  it("splits a PostgreSQL URI and decodes a percent-encoded password", () => {
    const parsed = parseConnectionString("postgresql://postgres:p%40ss%3Aw%2Frd@localhost:5433/ecommercedb", VARIABLE);
    expect(parsed).toMatchObject({
      format: "uri",
      scheme: "postgresql",
      host: "localhost",
      port: 5433,
      database: "ecommercedb",
      username: "postgres",
      password: "p@ss:w/rd",
    });
  });

  it("splits the keyword form, whatever the case and spacing of the keywords", () => {
    const parsed = parseConnectionString("host=db;PORT=5432; Database = shop ;User ID=app;Password=secret;MaxPoolSize=20", VARIABLE);
    expect(parsed).toMatchObject({ format: "keywords", host: "db", port: 5432, database: "shop", username: "app", password: "secret" });
    expect([...parsed.options.keys()]).toEqual(["maxpoolsize"]);
  });

  it("reads quoted values that contain ';', '=' and doubled quotes", () => {
    const parsed = parseConnectionString(`Host=db;Password="a;b=c""d";Username='o''brien';`, VARIABLE);
    expect(parsed.password).toBe('a;b=c"d');
    expect(parsed.username).toBe("o'brien");
  });

  it("reads IPv6 hosts in URIs without their brackets", () => {
    expect(parseConnectionString("redis://:pw@[::1]:6380", VARIABLE)).toMatchObject({ host: "::1", port: 6380, password: "pw" });
  });

  it("explains malformed keyword lists without repeating any part of them", () => {
    const attempt = (value: string) => () => parseConnectionString(value, VARIABLE);
    expect(attempt("Host=db;hunter2;Port=5432")).toThrowErrorMatchingInlineSnapshot(
      `[ServiceDefaultsError: ConnectionStrings__ecommercedb is malformed: part 2 of the keyword list has no '=' (expected Key=Value;Key=Value)]`,
    );
    expect(attempt(`Host=db;Password="hunter2`)).toThrowErrorMatchingInlineSnapshot(
      `[ServiceDefaultsError: ConnectionStrings__ecommercedb is malformed: the quoted value of 'Password' is not closed]`,
    );
    expect(attempt("Host=db;Port=54x")).toThrowErrorMatchingInlineSnapshot(
      `[ServiceDefaultsError: ConnectionStrings__ecommercedb is malformed: Port must be a number from 1 to 65535, got '54x']`,
    );
    expect(attempt("postgresql://user:hunter2@host:99999/db")).toThrowErrorMatchingInlineSnapshot(
      `[ServiceDefaultsError: ConnectionStrings__ecommercedb is malformed: it looks like a URI but cannot be parsed (expected scheme://user:password@host:port/database)]`,
    );
  });
});
