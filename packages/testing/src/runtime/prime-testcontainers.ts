import { getContainerRuntimeClient, getReaper } from "testcontainers";

/**
 * Testcontainers sets up its engine client and its reaper on a process's first container start,
 * under a file lock; a second start in the same moment waits for that lock in 0.5–1 s retries.
 * Done once before a test app's containers start, they all start at once. Later calls return at once.
 */
export async function primeTestcontainers(): Promise<void> {
  await getReaper(await getContainerRuntimeClient());
}
