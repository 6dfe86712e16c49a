import { hostname } from "node:os";
import { appKeyOf, type SessionInfo } from "@bosun/hosting/runtime";

/**
 * The labels bosun's Docker runtime puts on what it creates, plus `bosun.testing`, which marks a
 * test session so the next `startTestApp` can find every ended one whatever its app name.
 */
export const TEST_LABEL = {
  app: "bosun.app",
  session: "bosun.session",
  pid: "bosun.pid",
  host: "bosun.host",
  resource: "bosun.resource",
  testing: "bosun.testing",
} as const;

/** Labels for the session's network, and (with `resource`) for one of its containers. */
export function testSessionLabels(session: SessionInfo, resource?: string): Record<string, string> {
  return {
    [TEST_LABEL.app]: appKeyOf(session.appHost),
    [TEST_LABEL.session]: session.id,
    [TEST_LABEL.pid]: String(session.pid),
    [TEST_LABEL.host]: hostname(),
    [TEST_LABEL.testing]: "true",
    ...(resource === undefined ? {} : { [TEST_LABEL.resource]: resource }),
  };
}
