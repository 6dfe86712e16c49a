import type Docker from "dockerode";
import type { ExecResult } from "../container-client.js";
import { StreamOutput } from "./stream-output.js";

const EXIT_POLL_MS = 20;
const EXIT_POLL_LIMIT = 250;

/** Runs a command in a running container and collects its output and exit code. */
export async function runExec(container: Docker.Container, cmd: readonly string[]): Promise<ExecResult> {
  const exec = await container.exec({ Cmd: [...cmd], AttachStdout: true, AttachStderr: true, Tty: false });
  const stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream;
  const output: string[] = [];
  const stdout: string[] = [];
  const stderr: string[] = [];
  const collector = new StreamOutput({
    tty: false,
    onLine: (name, line) => {
      output.push(line);
      (name === "stdout" ? stdout : stderr).push(line);
    },
  });

  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => collector.push(chunk));
    stream.once("end", resolve);
    stream.once("close", resolve);
    stream.once("error", reject);
  });
  collector.end();

  return { exitCode: await exitCodeOf(exec, cmd), output: output.join("\n"), stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

// The output stream can end a moment before the engine records the exit code.
async function exitCodeOf(exec: Docker.Exec, cmd: readonly string[]): Promise<number> {
  for (let attempt = 0; attempt < EXIT_POLL_LIMIT; attempt += 1) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null) return info.ExitCode;
    await new Promise((resolve) => setTimeout(resolve, EXIT_POLL_MS));
  }
  throw new Error(`'${cmd.join(" ")}' was still running ${EXIT_POLL_LIMIT * EXIT_POLL_MS} ms after its output ended`);
}

