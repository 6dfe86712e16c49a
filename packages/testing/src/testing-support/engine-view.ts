import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectEngine, type EngineClient } from "@bosun/hosting/runtime";
import { getContainerRuntimeClient } from "testcontainers";
import { TEST_LABEL } from "../runtime/test-labels.js";

/** The reference AppHost's folder (its model's relative paths resolve against it). */
export const APPHOST_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../apphost");

/** The resources of the reference stack these tests start (auth-api is not written yet; pgAdmin cannot be built here). */
export const STACK_RESOURCES = ["ecommercedb", "cache", "messaging"] as const;

let engine: Promise<EngineClient> | undefined;

/** One engine client per test file. */
export function testEngine(): Promise<EngineClient> {
  engine ??= connectEngine();
  return engine;
}

/** Containers (running or not) and networks that carry `bosun.app=<appKey>`. */
export async function objectsOf(appKey: string) {
  const client = await testEngine();
  const labels = { [TEST_LABEL.app]: appKey };
  return {
    containers: await client.containers.list({ labels, all: true }),
    networks: await client.networks.list({ labels }),
  };
}

export interface MountView {
  readonly type: string;
  /** Volume name (a 64-hex id for an anonymous volume) or host path. */
  readonly name: string;
  readonly destination: string;
}

/** A container's mounts, as the engine reports them (bosun's engine client does not expose them). */
export async function mountsOf(containerId: string): Promise<MountView[]> {
  const client = await getContainerRuntimeClient();
  const info = await client.container.inspect(client.container.getById(containerId));
  return info.Mounts.map((m) => ({ type: m.Type, name: m.Name ?? m.Source, destination: m.Destination }));
}
