import { availableParallelism } from "node:os";
import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";
import { DOCKER_ONLY_TESTS, NOT_YET_ON_PODMAN } from "./test/docker-only-tests.js";
import { PODMAN_HOST_VARIABLE } from "./test/podman-project.js";

const DOCKER_TESTS = "**/*.docker.test.ts";
const DOCKER_INCLUDE = [`packages/*/src/${DOCKER_TESTS}`, `test/${DOCKER_TESTS}`, `examples/${DOCKER_TESTS}`];
// With BOSUN_PODMAN_HOST set (npm test sets it), the docker project's tests run once more on
// Podman, minus the Docker-only ones and those not passing there yet (test/docker-only-tests.ts, docs/engines.md).
const PODMAN_HOST = process.env[PODMAN_HOST_VARIABLE];
// Tests run the workspace packages from source (the "bosun-source" export condition), so a change
// needs no build; consumers get the compiled dist/ (proved by test/consumer.docker.test.ts).
const SOURCE_CONDITIONS = ["bosun-source", ...defaultServerConditions];
// Test files run side by side: the docker tests mostly wait on containers, so even 2 cores keep
// several busy (Vitest's default, one fewer than the cores, would be 1 here); as many as the cores
// per engine, since the Docker and Podman runs go side by side. Tests take free host
// ports and their own names; the two Aspire samples that fix ports run on Docker only, where no
// other file uses those ports (test/docker-only-tests.ts). BOSUN_TEST_WORKERS=N overrides.
const WORKERS = Number(process.env["BOSUN_TEST_WORKERS"]) || availableParallelism();

export default defineConfig({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS, externalConditions: ["bosun-source"] } },
  test: {
    maxWorkers: WORKERS,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "examples/*/*/src/**/*.test.ts", "apphost/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [DOCKER_TESTS, "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "docker",
          include: DOCKER_INCLUDE,
          exclude: ["**/node_modules/**"],
          globalSetup: ["./test/docker-global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      ...(PODMAN_HOST
        ? [
            {
              extends: true as const,
              test: {
                name: "podman",
                include: DOCKER_INCLUDE,
                exclude: ["**/node_modules/**", ...[...DOCKER_ONLY_TESTS, ...NOT_YET_ON_PODMAN].map((test) => test.file)],
                env: { DOCKER_HOST: PODMAN_HOST },
                globalSetup: ["./test/podman-global-setup.ts"],
                testTimeout: 180_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
    ],
  },
});
