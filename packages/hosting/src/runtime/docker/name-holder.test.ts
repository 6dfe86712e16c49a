import { describe, expect, it } from "vitest";
import type { ContainerInfo } from "../../engine/container-info.js";
import { LABEL } from "./docker-labels.js";
import { judgeNameHolder, type JudgeNameHolderOptions } from "./name-holder.js";

function holder(labels: Record<string, string>): ContainerInfo {
  return {
    id: "abc",
    name: "shop-postgres",
    image: "postgres:17.6",
    state: "running",
    running: true,
    exitCode: 0,
    startedAt: undefined,
    finishedAt: undefined,
    labels,
    ports: [],
  };
}

const ours = { [LABEL.app]: "shop-1234abcd", [LABEL.pid]: "4242", [LABEL.host]: "dev-box" };

function judge(labels: Record<string, string>, overrides: Partial<JudgeNameHolderOptions> = {}) {
  return judgeNameHolder({
    resource: "postgres",
    holder: holder(labels),
    appKey: "shop-1234abcd",
    lifetime: "session",
    configHash: "h1",
    host: "dev-box",
    isAlive: () => false,
    ...overrides,
  });
}

describe("judgeNameHolder", () => {
  it("reuses a persistent container of the app with the same configuration", () => {
    const labels = { ...ours, [LABEL.lifetime]: "persistent", [LABEL.configHash]: "h1" };
    expect(judge(labels, { lifetime: "persistent" })).toEqual({ action: "reuse" });
  });

  it("replaces a persistent container whose configuration changed", () => {
    const labels = { ...ours, [LABEL.lifetime]: "persistent", [LABEL.configHash]: "h0" };
    expect(judge(labels, { lifetime: "persistent" })).toEqual({ action: "replace", why: "its configuration changed" });
  });

  it("replaces a session container whose AppHost process is gone", () => {
    expect(judge({ ...ours, [LABEL.lifetime]: "session" })).toEqual({ action: "replace", why: "the run that created it has ended" });
  });

  it("refuses a container of a session that still runs, or runs on another machine", () => {
    const alive = judge({ ...ours, [LABEL.lifetime]: "session" }, { isAlive: () => true });
    expect(alive.action === "refuse" && alive.error.message).toMatchInlineSnapshot(
      `"resource 'postgres': the container name 'shop-postgres' is in use by another running session of this AppHost (process 4242 on dev-box); stop that AppHost first, or remove it with \`docker rm -f shop-postgres\` or give 'postgres' another name with .withContainerName(…)"`,
    );
    expect(judge({ ...ours, [LABEL.host]: "laptop" }).action).toBe("refuse");
  });

  it("refuses a container bosun did not create, or another AppHost's", () => {
    const foreign = judge({});
    expect(foreign.action === "refuse" && foreign.error.message).toMatchInlineSnapshot(
      `"resource 'postgres': the container name 'shop-postgres' is taken by a container that bosun did not create (image postgres:17.6, running); remove it with \`docker rm -f shop-postgres\` or give 'postgres' another name with .withContainerName(…)"`,
    );
    const other = judge({ [LABEL.app]: "blog-99999999" });
    expect(other.action === "refuse" && other.error.message).toContain("of another AppHost ('blog-99999999')");
  });
});
