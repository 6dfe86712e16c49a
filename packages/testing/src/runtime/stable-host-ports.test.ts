import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { ContainerResource } from "@bosun/hosting";
import { createBuilder } from "bosun";
import { isPortTaken, pickHostPorts } from "./stable-host-ports.js";

function broker(hostPort?: number): ContainerResource {
  const builder = createBuilder({ appHostDirectory: "/tmp/apphost", appName: "ports" });
  const messaging = builder.addRabbitMQ("messaging").withManagementPlugin();
  if (hostPort !== undefined) messaging.withHostPort(hostPort);
  const resource = builder.build().resources.find((r) => r.name === "messaging");
  if (!(resource instanceof ContainerResource)) throw new Error("no messaging container in the model");
  return resource;
}

async function canListen(port: number): Promise<boolean> {
  const server = createServer();
  const listening = await new Promise<boolean>((resolve) => server.once("error", () => resolve(false)).listen(port, "127.0.0.1", () => resolve(true)));
  if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  return listening;
}

describe("pickHostPorts", () => {
  it("picks a different free 127.0.0.1 port for each endpoint", async () => {
    const ports = await pickHostPorts(broker(), false);
    expect([...ports.keys()]).toEqual(["tcp", "management"]);
    const [amqp, management] = [...ports.values()];
    expect(amqp).not.toBe(management);
    for (const port of ports.values()) expect(await canListen(port)).toBe(true);
  });

  it("leaves an endpoint with a fixed port to keepHostPorts, and picks one for it otherwise", async () => {
    expect([...(await pickHostPorts(broker(5673), true)).keys()]).toEqual(["management"]);
    expect([...(await pickHostPorts(broker(5673), false)).keys()]).toEqual(["tcp", "management"]);
  });
});

describe("isPortTaken", () => {
  it("recognises the engine's refusals of a port something else bound in the meantime", () => {
    expect(isPortTaken(new Error("driver failed programming external connectivity on endpoint x: Bind for 127.0.0.1:40001 failed: port is already allocated"))).toBe(true);
    expect(isPortTaken(new Error("Error starting userland proxy: listen tcp4 127.0.0.1:40001: bind: address already in use"))).toBe(true);
    expect(isPortTaken(new Error("No such image: bosun-offline/nothing:1"))).toBe(false);
  });
});
