import { describe, expect, it } from "vitest";
import { isTransientDatabaseError } from "./transient-errors.js";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isTransientDatabaseError", () => {
  it.each([
    ["a refused connection", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5433")],
    ["a reset connection", withCode("ECONNRESET")],
    ["a dual-stack refusal reported as AggregateError", Object.assign(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], ""), { code: undefined })],
    ["a lost connection", new Error("Connection terminated unexpectedly")],
    ["a connect timeout", new Error("Connection terminated due to connection timeout", { cause: new Error("timeout expired") })],
    ["a pool acquisition timeout", new Error("timeout exceeded when trying to connect")],
    ["a client-side query timeout", new Error("Query read timeout")],
    ["the server shutting down (57P01)", withCode("57P01", "terminating connection due to administrator command")],
    ["the server starting up (57P03)", withCode("57P03", "the database system is starting up")],
    ["no connection slots left (53300)", withCode("53300", "sorry, too many clients already")],
    ["a connection exception (08006)", withCode("08006", "connection failure")],
  ])("retries %s", (_what, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ["a syntax error (42601)", withCode("42601", "syntax error at or near")],
    ["a unique violation (23505)", withCode("23505", "duplicate key value violates unique constraint")],
    ["a permission error (42501)", withCode("42501", "permission denied for schema auth")],
    ["a statement_timeout cancel (57014)", withCode("57014", "canceling statement due to statement timeout")],
    ["a failed login (28P01)", withCode("28P01", "password authentication failed")],
    ["a serialization failure (40001)", withCode("40001", "could not serialize access")],
    ["a pool that was ended", new Error("Cannot use a pool after calling end on the pool")],
    ["something that is not an error", "ECONNREFUSED"],
  ])("never retries %s", (_what, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});
