import type Docker from "dockerode";
import type { LogOptions, LogSubscription } from "../container-client.js";
import { StreamOutput } from "./stream-output.js";

/** Reads or follows a container's output, line by line, split into stdout and stderr. */
export async function readContainerLogs(container: Docker.Container, tty: boolean, options: LogOptions): Promise<LogSubscription> {
  const output = new StreamOutput({ tty, onLine: options.onLine });
  const since = options.since === undefined ? 0 : Math.floor(options.since.getTime() / 1000);
  const base = { stdout: true, stderr: true, timestamps: false, since };

  if (!options.follow) {
    const buffer = await container.logs({ ...base, follow: false });
    output.push(Buffer.from(buffer));
    output.end();
    return { stop: () => {}, ended: Promise.resolve() };
  }

  const stream = (await container.logs({ ...base, follow: true })) as NodeJS.ReadableStream & { destroy(): void };
  const ended = new Promise<void>((resolve) => {
    const finish = () => {
      output.end();
      resolve();
    };
    stream.on("data", (chunk: Buffer) => output.push(chunk));
    stream.once("end", finish);
    stream.once("close", finish);
    // A broken stream just ends the subscription; the container's state says what happened.
    stream.once("error", finish);
  });
  let finished = false;
  void ended.then(() => (finished = true));
  return {
    stop: () => {
      if (!finished) stream.destroy();
    },
    ended,
  };
}
