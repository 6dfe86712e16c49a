import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadDockerode } from "./load-dockerode.js";

const require = createRequire(import.meta.url);
const grpcLoaded = () => Object.keys(require.cache).some((path) => path.includes("@grpc/grpc-js"));

type WithSession = (docker: unknown, auth: unknown, handler: (error: Error | null) => void) => void;

describe("loadDockerode", () => {
  it("loads dockerode without BuildKit's gRPC session support, and loads that when a build asks for a session", () => {
    const Docker = loadDockerode();

    expect(new Docker({ socketPath: "/nonexistent.sock" }).modem).toBeDefined();
    expect(grpcLoaded()).toBe(false);

    const withSession = require("dockerode/lib/session.js") as WithSession;
    const refused = new Error("connect ENOENT /nonexistent.sock");
    let seen: Error | null = null;
    withSession({ modem: { dial: (_options: unknown, callback: (error: Error) => void) => callback(refused) } }, undefined, (error) => (seen = error));

    expect(seen).toBe(refused);
    expect(grpcLoaded()).toBe(true);
  });
});
