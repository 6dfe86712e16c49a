import { describe, expect, it } from "vitest";
import {
  BosunError,
  EngineUnreachableError,
  ImageNotAvailableError,
  PortInUseError,
} from "../errors/bosun-error.js";
import { engineMessage, toEngineError } from "./engine-error.js";

const ENDPOINT = "default socket /var/run/docker.sock";

/** An error shaped like the ones docker-modem rejects with when the engine answers non-2xx. */
function engineAnswer(statusCode: number, message: string): Error {
  const reason = statusCode === 404 ? "no such container" : "server error";
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${message} `), {
    statusCode,
    reason,
    json: { message },
  });
}

function socketError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code });
}

describe("toEngineError", () => {
  it("names the host port when a port is already allocated", () => {
    const cause = engineAnswer(
      500,
      "driver failed programming external connectivity on endpoint shop-postgres (3f2a): Bind for 127.0.0.1:5433 failed: port is already allocated",
    );
    const error = toEngineError(cause, { action: "start container 'shop-postgres'", endpoint: ENDPOINT });
    expect(error).toBeInstanceOf(PortInUseError);
    expect(error.code).toBe("PORT_IN_USE");
    expect(error.cause).toBe(cause);
    expect(error.message).toMatchInlineSnapshot(
      `"cannot start container 'shop-postgres': host port 127.0.0.1:5433 is already in use; stop whatever holds it or choose another host port"`,
    );
  });

  it("recognizes the userland proxy's bind failure as a port in use", () => {
    const cause = engineAnswer(500, "Error starting userland proxy: listen tcp4 0.0.0.0:6379: bind: address already in use");
    const error = toEngineError(cause, { action: "start container 'cache'", endpoint: ENDPOINT });
    expect(error).toBeInstanceOf(PortInUseError);
    expect(error.message).toContain("host port 0.0.0.0:6379 is already in use");
  });

  it("says an image is missing locally when creating a container from it", () => {
    const cause = engineAnswer(404, "No such image: bosun-test/missing:1");
    const error = toEngineError(cause, { action: "create container 'api'", endpoint: ENDPOINT, image: "bosun-test/missing:1" });
    expect(error).toBeInstanceOf(ImageNotAvailableError);
    expect(error.message).toMatchInlineSnapshot(
      `"cannot create container 'api': image 'bosun-test/missing:1' is not present on the engine (pull it first); check the name and tag, or, without registry access, build the stand-ins with \`npm run images:offline\` and set BOSUN_IMAGE_MAP, or set BOSUN_REGISTRY_MIRROR"`,
    );
  });

  it("says the registry is unreachable when a pull cannot connect", () => {
    const cause = engineAnswer(500, 'Get "https://registry.example.com/v2/": dial tcp: lookup registry.example.com: no such host');
    const error = toEngineError(cause, { action: "pull image 'redis:8.6'", endpoint: ENDPOINT, image: "redis:8.6" });
    expect(error).toBeInstanceOf(ImageNotAvailableError);
    expect(error.message).toMatch(/^cannot pull image 'redis:8\.6': the registry is unreachable \(Get .*no such host\); check the name/);
  });

  it("says the registry refused an image that does not exist there", () => {
    const cause = engineAnswer(404, "pull access denied for acme/nope, repository does not exist or may require 'docker login'");
    const error = toEngineError(cause, { action: "pull image 'acme/nope'", endpoint: ENDPOINT, image: "acme/nope" });
    expect(error).toBeInstanceOf(ImageNotAvailableError);
    expect(error.message).toContain("the registry does not have 'acme/nope' or refuses access (pull access denied");
  });

  it("reports an engine that went away mid-session as unreachable", () => {
    const error = toEngineError(socketError("ECONNREFUSED"), { action: "stop container 'api'", endpoint: ENDPOINT });
    expect(error).toBeInstanceOf(EngineUnreachableError);
    expect(error.message).toMatchInlineSnapshot(
      `"cannot stop container 'api': the Docker engine at default socket /var/run/docker.sock stopped answering (ECONNREFUSED); start Docker again"`,
    );
  });

  it("explains a container name conflict", () => {
    const cause = engineAnswer(
      409,
      'Conflict. The container name "/shop-postgres" is already in use by container "8c1e". You have to remove (or rename) that container to be able to reuse that name.',
    );
    const error = toEngineError(cause, { action: "create container 'shop-postgres'", endpoint: ENDPOINT, image: "postgres" });
    expect(error.code).toBe("RUNTIME");
    expect(error.message).toMatch(/^cannot create container 'shop-postgres': Conflict\. .*; remove that container or choose another name$/);
  });

  it("quotes the engine for anything else and keeps the cause", () => {
    const cause = engineAnswer(500, "invalid mount config for type \"bind\": bind source path does not exist: /nope");
    const error = toEngineError(cause, { action: "create container 'api'", endpoint: ENDPOINT, image: "node:20" });
    expect(error).toBeInstanceOf(BosunError);
    expect(error.code).toBe("RUNTIME");
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      "cannot create container 'api': the Docker engine answered: invalid mount config for type \"bind\": bind source path does not exist: /nope",
    );
  });

  it("passes a BosunError through unchanged", () => {
    const original = new PortInUseError("taken");
    expect(toEngineError(original, { action: "x", endpoint: ENDPOINT })).toBe(original);
  });
});

describe("engineMessage", () => {
  it("strips the HTTP client's prefix when the engine sent no JSON", () => {
    expect(engineMessage(new Error("(HTTP code 409) unexpected - Container abc is not running "))).toBe("Container abc is not running");
  });
});
