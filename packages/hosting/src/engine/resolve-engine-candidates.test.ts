import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveEngineCandidates } from "./resolve-engine-candidates.js";

function tempHome(): string {
  return mkdtempSync(join(tmpdir(), "bosun-home-"));
}

/** Writes a Docker CLI context the way `docker context create` stores it. */
function writeContext(home: string, name: string, host: string, options: { current?: boolean; tls?: boolean } = {}) {
  const id = createHash("sha256").update(name).digest("hex");
  const metaDir = join(home, ".docker", "contexts", "meta", id);
  mkdirSync(metaDir, { recursive: true });
  const meta = { Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } };
  writeFileSync(join(metaDir, "meta.json"), JSON.stringify(meta));
  if (options.tls) {
    const tlsDir = join(home, ".docker", "contexts", "tls", id, "docker");
    mkdirSync(tlsDir, { recursive: true });
    for (const file of ["ca.pem", "cert.pem", "key.pem"]) writeFileSync(join(tlsDir, file), "pem");
  }
  if (options.current) writeFileSync(join(home, ".docker", "config.json"), JSON.stringify({ currentContext: name }));
  return id;
}

const descriptions = (env: Record<string, string>, homeDir: string) =>
  resolveEngineCandidates({ env, homeDir }).map((candidate) => candidate.description);

describe("resolveEngineCandidates", () => {
  it("falls back to the default sockets when nothing is configured", () => {
    const home = tempHome();
    expect(descriptions({}, home)).toEqual([
      "default socket /var/run/docker.sock",
      `default socket ${home}/.docker/run/docker.sock`,
      "Podman socket /run/podman/podman.sock",
    ]);
    expect(descriptions({ XDG_RUNTIME_DIR: "/run/user/1000" }, home)).toContain("default socket /run/user/1000/docker.sock");
  });

  it("tries Podman's rootful and rootless sockets after every Docker socket", () => {
    const home = tempHome();
    expect(descriptions({ XDG_RUNTIME_DIR: "/run/user/1000" }, home)).toEqual([
      "default socket /var/run/docker.sock",
      `default socket ${home}/.docker/run/docker.sock`,
      "default socket /run/user/1000/docker.sock",
      "Podman socket /run/podman/podman.sock",
      "Podman socket /run/user/1000/podman/podman.sock",
    ]);
  });

  it("does not list Podman's socket twice when DOCKER_HOST already points at it", () => {
    const candidates = descriptions({ DOCKER_HOST: "unix:///run/podman/podman.sock" }, tempHome());
    expect(candidates[0]).toBe("DOCKER_HOST=unix:///run/podman/podman.sock");
    expect(candidates.filter((c) => c.includes("/run/podman/podman.sock"))).toHaveLength(1);
  });

  it("tries DOCKER_HOST first, then the current context, then the default sockets", () => {
    const home = tempHome();
    writeContext(home, "colima", "unix:///home/me/.colima/docker.sock", { current: true });
    const candidates = resolveEngineCandidates({ env: { DOCKER_HOST: "tcp://127.0.0.1:2375" }, homeDir: home });
    expect(candidates.map((c) => c.description)).toEqual([
      "DOCKER_HOST=tcp://127.0.0.1:2375",
      "docker context 'colima' (unix:///home/me/.colima/docker.sock)",
      "default socket /var/run/docker.sock",
      `default socket ${home}/.docker/run/docker.sock`,
      "Podman socket /run/podman/podman.sock",
    ]);
    expect(candidates[0]?.endpoint).toEqual({ kind: "tcp", host: "127.0.0.1", port: 2375 });
    expect(candidates[1]?.endpoint).toEqual({ kind: "unix", socketPath: "/home/me/.colima/docker.sock" });
  });

  it("lets DOCKER_CONTEXT choose a context over config.json", () => {
    const home = tempHome();
    writeContext(home, "colima", "unix:///colima.sock", { current: true });
    writeContext(home, "remote", "tcp://10.1.2.3:2376", { tls: true });
    const [first] = resolveEngineCandidates({ env: { DOCKER_CONTEXT: "remote" }, homeDir: home });
    expect(first?.description).toBe("docker context 'remote' (tcp://10.1.2.3:2376)");
    expect(first?.endpoint).toEqual({
      kind: "tcp",
      host: "10.1.2.3",
      port: 2376,
      tls: { certDir: expect.stringContaining("/contexts/tls/") as string, verify: true },
    });
  });

  it("reads contexts from DOCKER_CONFIG when it is set", () => {
    const home = tempHome();
    writeContext(home, "desk", "unix:///desk.sock", { current: true });
    const elsewhere = tempHome();
    expect(descriptions({ DOCKER_CONFIG: join(home, ".docker") }, elsewhere)[0]).toBe("docker context 'desk' (unix:///desk.sock)");
    expect(descriptions({}, elsewhere)[0]).toBe("default socket /var/run/docker.sock");
  });

  it("skips the built-in default context", () => {
    const home = tempHome();
    mkdirSync(join(home, ".docker"));
    writeFileSync(join(home, ".docker", "config.json"), JSON.stringify({ currentContext: "default" }));
    expect(descriptions({}, home)[0]).toBe("default socket /var/run/docker.sock");
  });

  it("reports a selected context whose metadata is missing instead of skipping it silently", () => {
    const home = tempHome();
    const [first] = resolveEngineCandidates({ env: { DOCKER_CONTEXT: "gone" }, homeDir: home });
    expect(first?.description).toBe("docker context 'gone'");
    expect(first?.endpoint).toBeUndefined();
    expect(first && "problem" in first ? first.problem : "").toMatch(/^cannot read .*meta\.json: ENOENT$/);
  });

  it("does not list a default socket twice", () => {
    const home = tempHome();
    const candidates = descriptions({ DOCKER_HOST: "unix:///var/run/docker.sock" }, home);
    expect(candidates).toEqual([
      "DOCKER_HOST=unix:///var/run/docker.sock",
      `default socket ${home}/.docker/run/docker.sock`,
      "Podman socket /run/podman/podman.sock",
    ]);
  });

  it("uses TLS for DOCKER_HOST when DOCKER_TLS_VERIFY is set", () => {
    const home = tempHome();
    const env = { DOCKER_HOST: "tcp://engine.example.com", DOCKER_TLS_VERIFY: "1", DOCKER_CERT_PATH: "/certs" };
    expect(resolveEngineCandidates({ env, homeDir: home })[0]?.endpoint).toEqual({
      kind: "tcp",
      host: "engine.example.com",
      port: 2376,
      tls: { certDir: "/certs", verify: true },
    });
  });

  it("keeps an unsupported DOCKER_HOST as a candidate that explains itself", () => {
    const [first] = resolveEngineCandidates({ env: { DOCKER_HOST: "ssh://me@build-box" }, homeDir: tempHome() });
    expect(first).toEqual({
      description: "DOCKER_HOST=ssh://me@build-box",
      problem: "'ssh://me@build-box' uses ssh://, which bosun does not support; use unix:// or tcp://",
    });
  });
});
