import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { DockerodeNetworkClient } from "./dockerode-network-client.js";

/** An engine error as docker-modem reports one. */
function engineError(statusCode: number, message: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) server error - ${message}`), { statusCode, json: { message } });
}

/** A dockerode stand-in whose createNetwork fails with `failures` first, then succeeds. */
function engineFailingWith(...failures: Error[]) {
  let calls = 0;
  const docker = {
    createNetwork: async () => {
      calls += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return { id: "net-1" };
    },
  } as unknown as Docker;
  return { client: new DockerodeNetworkClient(docker, "test engine"), calls: () => calls };
}

describe("DockerodeNetworkClient.create", () => {
  it("asks again when Podman lost a bridge interface while choosing a subnet", async () => {
    const race = () => engineError(500, "route ip+net: no such network interface");
    const { client, calls } = engineFailingWith(race(), race());
    await expect(client.create({ name: "bosun-app-1234", labels: {} })).resolves.toBe("net-1");
    expect(calls()).toBe(3);
  });

  it("reports any other failure at once, naming the network", async () => {
    const { client, calls } = engineFailingWith(engineError(500, "subnet pool exhausted"));
    await expect(client.create({ name: "bosun-app-1234", labels: {} })).rejects.toThrow(/cannot create network 'bosun-app-1234'.*subnet pool exhausted/);
    expect(calls()).toBe(1);
  });
});
