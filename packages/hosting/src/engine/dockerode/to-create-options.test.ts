import { describe, expect, it } from "vitest";
import { toCreateOptions } from "./to-create-options.js";

describe("toCreateOptions", () => {
  it("publishes ports on 127.0.0.1 and lets the engine pick a host port when none is given", () => {
    const options = toCreateOptions({
      name: "shop-postgres",
      image: "bosun-offline/postgres:15",
      env: { POSTGRES_PASSWORD: "secret" },
      labels: { "bosun.app": "shop" },
      ports: [{ containerPort: 5432 }, { containerPort: 8080, hostPort: 18080, hostIp: "0.0.0.0" }, { containerPort: 53, protocol: "udp" }],
      mounts: [{ type: "volume", source: "shop-pgdata", target: "/var/lib/postgresql/data" }],
    });
    expect(options).toEqual({
      name: "shop-postgres",
      Image: "bosun-offline/postgres:15",
      Env: ["POSTGRES_PASSWORD=secret"],
      Labels: { "bosun.app": "shop" },
      ExposedPorts: { "5432/tcp": {}, "8080/tcp": {}, "53/udp": {} },
      HostConfig: {
        PortBindings: {
          "5432/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }],
          "8080/tcp": [{ HostIp: "0.0.0.0", HostPort: "18080" }],
          "53/udp": [{ HostIp: "127.0.0.1", HostPort: "" }],
        },
        Mounts: [{ Type: "volume", Source: "shop-pgdata", Target: "/var/lib/postgresql/data", ReadOnly: false }],
      },
    });
  });

  it("joins the network under its aliases and passes the process settings through", () => {
    const options = toCreateOptions({
      name: "shop-cache",
      image: "redis:8.6",
      env: {},
      cmd: ["redis-server", "--requirepass", "pw"],
      entrypoint: ["docker-entrypoint.sh"],
      labels: {},
      hostname: "cache",
      ports: [],
      mounts: [{ type: "bind", source: "/srv/conf", target: "/conf", readOnly: true }],
      network: { name: "bosun-shop-1", aliases: ["cache"] },
      stopSignal: "SIGINT",
      stopTimeoutSeconds: 5,
      user: "redis",
      workingDir: "/data",
    });
    expect(options).toMatchObject({
      Cmd: ["redis-server", "--requirepass", "pw"],
      Entrypoint: ["docker-entrypoint.sh"],
      Hostname: "cache",
      StopSignal: "SIGINT",
      StopTimeout: 5,
      User: "redis",
      WorkingDir: "/data",
      HostConfig: { NetworkMode: "bosun-shop-1", Mounts: [{ Type: "bind", Source: "/srv/conf", Target: "/conf", ReadOnly: true }] },
      NetworkingConfig: { EndpointsConfig: { "bosun-shop-1": { Aliases: ["cache"] } } },
    });
  });
});
