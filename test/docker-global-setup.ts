import { connectEngine } from "@bosun/hosting/runtime";

/**
 * Vitest globalSetup of the docker project: it needs a Docker engine and fails the run with
 * bosun's own message (what was tried, what to do) when none answers. It never skips.
 */
export default async function setup(): Promise<void> {
  await connectEngine();
}
