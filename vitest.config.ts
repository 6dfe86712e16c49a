import { defineConfig } from "vitest/config";

const DOCKER_TESTS = "**/*.docker.test.ts";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "examples/*/*/src/**/*.test.ts", "apphost/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: [DOCKER_TESTS, "**/node_modules/**"],
        },
      },
      {
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
