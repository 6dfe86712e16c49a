import { describe, expect, it } from "vitest";
import { ContainerResource } from "./container-resource.js";
import { EndpointReference } from "./endpoint-reference.js";
import { expr, ReferenceExpression, uri } from "./expression.js";
import { ParameterResource } from "./parameter-resource.js";
import { createManifestResolver, createRuntimeResolver, parametersIn, resourcesIn, type RuntimeValues } from "./value-resolver.js";

const db = new ContainerResource("db");
const tcp = new EndpointReference(db, "tcp");
const user = new ParameterResource("db-user");
const password = new ParameterResource("db-password", { secret: true });

const runtime: RuntimeValues = {
  endpoint: () => ({ scheme: "tcp", hostPort: 15432, targetPort: 5432, containerHost: "db" }),
  parameter: (parameter) => (parameter === password ? "p@ss/w:rd?#%" : "app user"),
};

describe("expr", () => {
  it("renders one expression for a host process, a container and a manifest", () => {
    const value = expr`postgresql://${user}:${password}@${tcp.host}:${tcp.port}/shop`;
    expect(createRuntimeResolver("host", runtime).render(value)).toBe("postgresql://app user:p@ss/w:rd?#%@localhost:15432/shop");
    expect(createRuntimeResolver("container", runtime).render(value)).toBe("postgresql://app user:p@ss/w:rd?#%@db:5432/shop");
    expect(createManifestResolver().render(value)).toBe("postgresql://{db-user.value}:{db-password.value}@{db.bindings.tcp.host}:{db.bindings.tcp.port}/shop");
  });

  it("renders every endpoint part", () => {
    const host = createRuntimeResolver("host", runtime);
    const container = createRuntimeResolver("container", runtime);
    const parts = ["url", "host", "port", "targetPort", "scheme", "hostAndPort"] as const;
    expect(parts.map((p) => host.render(tcp.property(p)))).toEqual(["tcp://localhost:15432", "localhost", "15432", "5432", "tcp", "localhost:15432"]);
    expect(parts.map((p) => container.render(tcp.property(p)))).toEqual(["tcp://db:5432", "db", "5432", "5432", "tcp", "db:5432"]);
    expect(host.render(tcp)).toBe("tcp://localhost:15432");
  });

  it("nests expressions and connection-string sources inside each other", () => {
    const server = { connectionStringExpression: expr`redis://${tcp.property("hostAndPort")}` };
    const value = expr`${server}/0?name=${expr`${user}-cache`}`;
    expect(createRuntimeResolver("container", runtime).render(value)).toBe("redis://db:5432/0?name=app user-cache");
  });

  it("renders literals, numbers and booleans as they are", () => {
    const host = createRuntimeResolver("host", runtime);
    expect(host.render("plain")).toBe("plain");
    expect(host.render(42)).toBe("42");
    expect(host.render(false)).toBe("false");
    expect(host.render(expr`no values`)).toBe("no values");
  });

  it("refuses an expression whose literals do not surround its values", () => {
    expect(() => new ReferenceExpression(["a", "b"], [])).toThrowErrorMatchingInlineSnapshot(`[TypeError: a reference expression needs one more literal than values]`);
  });

  it("joins values with a separator", () => {
    const host = createRuntimeResolver("host", runtime);
    expect(host.render(ReferenceExpression.join([tcp.host, tcp.port, "x"], ","))).toBe("localhost,15432,x");
    expect(host.render(ReferenceExpression.join([], ","))).toBe("");
  });
});

describe("uri", () => {
  it("percent-encodes a value where it is rendered, so a password with @ and / keeps the URI valid", () => {
    const value = expr`postgresql://${uri(user)}:${uri(password)}@${tcp.property("hostAndPort")}`;
    expect(createRuntimeResolver("host", runtime).render(value)).toBe("postgresql://app%20user:p%40ss%2Fw%3Ard%3F%23%25@localhost:15432");
    expect(new URL(createRuntimeResolver("host", runtime).render(value)).password).toBe("p%40ss%2Fw%3Ard%3F%23%25");
    expect(decodeURIComponent(new URL(createRuntimeResolver("host", runtime).render(value)).password)).toBe("p@ss/w:rd?#%");
  });

  it("leaves manifest placeholders unencoded so a publisher can substitute them", () => {
    expect(createManifestResolver().render(expr`redis://:${uri(password)}@x`)).toBe("redis://:{db-password.value}@x");
  });
});

describe("parametersIn and resourcesIn", () => {
  it("find every parameter and resource a value depends on, through nesting and encoding", () => {
    const inner = { connectionStringExpression: expr`${uri(password)}@${tcp.port}` };
    const value = expr`${user}:${inner}`;
    expect(parametersIn(value)).toEqual([user, password]);
    expect(resourcesIn(value)).toEqual([user, password, db]);
    expect(resourcesIn(tcp)).toEqual([db]);
    expect(parametersIn("literal")).toEqual([]);
  });
});
