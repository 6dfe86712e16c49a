let installed = false;

/**
 * Lets the command line's output be piped into a reader that stops early (`--help | head -3`,
 * `manifest | head`): a write to a closed pipe (EPIPE) is dropped instead of crashing the AppHost
 * with Node's unhandled 'error' report, so the command ends as it would have. So is a write to a
 * terminal that was closed (EIO), so that `run` can still stop the app after a SIGHUP. Other errors
 * still surface.
 * @example ignoreClosedOutput(); process.stdout.write(help)
 */
export function ignoreClosedOutput(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "EIO") throw error;
    });
  }
}
