import { controlSocketPath, sendControl } from "../control/control-socket.js";
import { BosunError } from "../errors/bosun-error.js";
import type { DistributedApplication } from "../app/distributed-application.js";
import { ExecutableResource } from "../model/executable-resource.js";
import { ContainerResource } from "../model/container-resource.js";

/**
 * `restart <name>`: asks this AppHost's running `run` (another terminal) to restart one resource,
 * and prints its state once the new start is healthy or failed.
 */
export async function restartCommand(application: DistributedApplication, name: string | undefined, print: (line: string) => void = console.log): Promise<void> {
  const runnable = application.resources.filter((r) => r instanceof ExecutableResource || r instanceof ContainerResource).map((r) => r.name);
  if (name === undefined || !runnable.includes(name)) {
    const given = name === undefined ? "no resource given" : `'${name}' is not a process or container of this AppHost`;
    throw new BosunError(`restart: ${given}; pass one of ${runnable.join(", ")}`, { code: "CONFIGURATION" });
  }
  const socketPath = controlSocketPath(application.appHost);
  const reply = await sendControl(socketPath, { restart: name }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT" && error.code !== "ECONNREFUSED") throw error;
    throw new BosunError(`restart: no running '${application.appHost.name}' AppHost found; start it with 'run' in another terminal first`, { code: "CONFIGURATION", cause: error });
  });
  if (!reply.ok) throw new BosunError(`restart: ${reply.error}`, { code: "RUNTIME" });
  const { snapshot } = reply;
  const outcome = snapshot.reason && snapshot.health !== "Healthy" ? `: ${snapshot.reason}` : "";
  print(`${name}: ${snapshot.state}/${snapshot.health} after ${(reply.ms / 1000).toFixed(1)} s (restart ${snapshot.restarts})${outcome}`);
  if (snapshot.state !== "Running") process.exitCode = 1;
}
