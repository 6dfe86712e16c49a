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

  // Not awaited: Podman answers a follow request only once the container writes its first line,
  // so a quiet container would hold up whoever subscribes. The container's existence was checked
  // by the caller's inspect; a request that fails later just ends the subscription. `stop()` aborts
  // the request even while it is unanswered (a reused, quiet container on Podman): a request left
  // pending would keep the AppHost's process from ending.
  const abort = new AbortController();
  const ended = (container.logs({ ...base, follow: true, abortSignal: abort.signal }) as Promise<FollowedStream>).then(
    (opened) => {
      if (abort.signal.aborted) opened.destroy();
      return followUntilEnd(opened, output);
    },
    () => output.end(),
  );
  return { stop: () => abort.abort(), ended };
}

type FollowedStream = NodeJS.ReadableStream & { destroy(): void };

function followUntilEnd(stream: FollowedStream, output: StreamOutput): Promise<void> {
  return new Promise<void>((resolve) => {
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
}
