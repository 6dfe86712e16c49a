/** How `npm test`'s Vitest arguments split between the run on Docker and the run on Podman. */
export interface TestPlan {
  /** Arguments of the Vitest run on Docker (unit and docker projects); undefined when not asked for. */
  readonly docker: readonly string[] | undefined;
  /** Arguments of the Vitest run on Podman (the podman project); undefined when not asked for. */
  readonly podman: readonly string[] | undefined;
  /** Whether any run needs a Docker engine (everything but a unit-only run). */
  readonly needsEngine: boolean;
}

/**
 * No --project: unit and docker on Docker, and the podman project on Podman (so the docker
 * tests run once on each engine). Named projects run alone: `--project unit --project docker` is a
 * run without Podman, `--project podman` one on Podman only. Other arguments go to every run.
 * @example planTests(["--project", "unit"]) // { docker: ["--project", "unit"], podman: undefined, needsEngine: false }
 */
export function planTests(args: readonly string[]): TestPlan {
  const projects: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === "--project") projects.push(args[(i += 1)] ?? "");
    else if (arg.startsWith("--project=")) projects.push(arg.slice("--project=".length));
    else rest.push(arg);
  }
  if (projects.length === 0) return { docker: rest, podman: ["--project", "podman", ...rest], needsEngine: true };
  const onDocker = projects.filter((project) => project !== "podman");
  return {
    docker: onDocker.length > 0 ? [...onDocker.flatMap((project) => ["--project", project]), ...rest] : undefined,
    podman: projects.includes("podman") ? ["--project", "podman", ...rest] : undefined,
    needsEngine: projects.some((project) => project !== "unit"),
  };
}
