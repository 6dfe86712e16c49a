import { reapOrphans, type EngineClient } from "@bosun/hosting/runtime";
import { TEST_LABEL } from "./runtime/test-labels.js";

export interface ReapedTestSessions {
  readonly containers: readonly string[];
  readonly networks: readonly string[];
}

/**
 * Removes the containers and networks of earlier test sessions on this machine whose process is
 * gone (a test runner killed with SIGKILL never ran its clean-up). Each test app has its own app
 * name, so this finds them by the `bosun.testing` label and lets the Docker runtime's `reapOrphans`
 * judge and remove each app's leftovers. Live sessions (parallel test files) are left alone.
 * @example await reapEndedTestSessions(await connectEngine())
 */
export async function reapEndedTestSessions(engine: EngineClient): Promise<ReapedTestSessions> {
  const labels = { [TEST_LABEL.testing]: true } as const;
  const found = [...(await engine.containers.list({ labels, all: true })), ...(await engine.networks.list({ labels }))];
  const appKeys = new Set(found.flatMap((item) => item.labels[TEST_LABEL.app] ?? []));
  const containers: string[] = [];
  const networks: string[] = [];
  for (const appKey of appKeys) {
    const reaped = await reapOrphans({ engine, appKey });
    containers.push(...reaped.containers);
    networks.push(...reaped.networks);
  }
  return { containers, networks };
}
