import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { checkRegistry } from "./registry-check.js";

/** An engine answering each path as `answers` says: `true` for 200, else an HTTP error like dockerode's. */
function engineAnswering(answers: Record<string, { status: number; message: string } | true>): { docker: Docker; asked: string[] } {
  const asked: string[] = [];
  const dial = (options: { path: string }, callback: (error: unknown, data?: unknown) => void) => {
    const route = options.path.split("?")[0]!.startsWith("/distribution/") ? "distribution" : "search";
    asked.push(route);
    const answer = answers[route]!;
    if (answer === true) return callback(null, {});
    callback(Object.assign(new Error(`(HTTP code ${answer.status}) unexpected - ${answer.message}`), { statusCode: answer.status, json: answer.message }));
  };
  return { docker: { modem: { dial } } as unknown as Docker, asked };
}

const UNREACHABLE = "couldn't search registry \"docker.io\": dial tcp: lookup index.docker.io: no such host";

describe("checkRegistry", () => {
  it("counts a registry's own 'not found' as an answer and asks nothing else", async () => {
    const { docker, asked } = engineAnswering({ distribution: { status: 404, message: "manifest unknown" } });
    expect(await checkRegistry(docker, "redis:7", 1_000)).toMatchObject({ reachable: true });
    expect(asked).toEqual(["distribution"]);
  });

  it("searches the registry where the engine has no /distribution endpoint (Podman 4.3's bare 404)", async () => {
    const unreachable = engineAnswering({ distribution: { status: 404, message: "Not Found" }, search: { status: 500, message: UNREACHABLE } });
    expect(await checkRegistry(unreachable.docker, "redis:7", 1_000)).toEqual({ reachable: false, detail: UNREACHABLE });
    expect(unreachable.asked).toEqual(["distribution", "search"]);

    const reachable = engineAnswering({ distribution: { status: 404, message: "Not Found" }, search: true });
    expect(await checkRegistry(reachable.docker, "redis:7", 1_000)).toMatchObject({ reachable: true });
  });
});
