import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { toContainerInfo } from "./to-container-info.js";

function inspectAnswer(state: Partial<Docker.ContainerInspectInfo["State"]>, ports: Record<string, unknown>) {
  return {
    Id: "abc123",
    Name: "/shop-postgres",
    State: { Status: "running", Running: true, ExitCode: 0, StartedAt: "2025-01-02T03:04:05.5Z", FinishedAt: "0001-01-01T00:00:00Z", ...state },
    Config: { Image: "bosun-offline/postgres:15", Labels: { "bosun.app": "shop" } },
    NetworkSettings: { Ports: ports },
  } as unknown as Docker.ContainerInspectInfo;
}

describe("toContainerInfo", () => {
  it("reads state, times, labels and published ports", () => {
    const info = toContainerInfo(
      inspectAnswer({}, { "5432/tcp": [{ HostIp: "127.0.0.1", HostPort: "49153" }], "9187/tcp": null }),
    );
    expect(info).toEqual({
      id: "abc123",
      name: "shop-postgres",
      image: "bosun-offline/postgres:15",
      state: "running",
      running: true,
      exitCode: 0,
      startedAt: new Date("2025-01-02T03:04:05.5Z"),
      finishedAt: undefined,
      labels: { "bosun.app": "shop" },
      ports: [{ containerPort: 5432, protocol: "tcp", hostIp: "127.0.0.1", hostPort: 49153 }],
    });
  });

  it("reports the engine's health status and an exit code", () => {
    const info = toContainerInfo(
      inspectAnswer({ Status: "exited", Running: false, ExitCode: 3, Health: { Status: "unhealthy", FailingStreak: 3, Log: [] } }, {}),
    );
    expect(info).toMatchObject({ state: "exited", running: false, exitCode: 3, health: "unhealthy", ports: [] });
  });

  it("has no start time for a container that never started", () => {
    const info = toContainerInfo(inspectAnswer({ Status: "created", Running: false, StartedAt: "0001-01-01T00:00:00Z" }, {}));
    expect(info.startedAt).toBeUndefined();
  });
});
