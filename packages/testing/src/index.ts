// @bosun/testing: start an AppHost's model from a test, through Testcontainers, and clean up after it.
export { startTestApp, DEFAULT_TEST_STARTUP_TIMEOUT_MS, type DefineApp, type StartTestAppOptions } from "./app/start-test-app.js";
export { TestApp, HTTP_CLIENT_TIMEOUT_MS, type TestHttpClient } from "./app/test-app.js";
export { selectResources } from "./app/select-resources.js";
export { createTestcontainersRuntime, testNetworkName, type TestcontainersRuntimeOptions } from "./runtime/testcontainers-runtime.js";
export { TEST_LABEL } from "./runtime/test-labels.js";
export { reapEndedTestSessions, type ReapedTestSessions } from "./reap-ended-sessions.js";
export { applyTestcontainersDefaults, TESTCONTAINERS_DEFAULTS } from "./testcontainers-environment.js";
