import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

const DOCKER_TESTS = "**/*.docker.test.ts";
// Tests run the workspace packages from source (the "bosun-source" export condition), so a change
// needs no build; consumers get the compiled dist/ (proved by test/consumer.docker.test.ts).
const SOURCE_CONDITIONS = ["bosun-source", ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS, externalConditions: ["bosun-source"] } },
  test: {
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
          include: [`packages/*/src/${DOCKER_TESTS}`, `test/${DOCKER_TESTS}`, `examples/${DOCKER_TESTS}`],
          exclude: ["**/node_modules/**"],
          globalSetup: ["./test/docker-global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
