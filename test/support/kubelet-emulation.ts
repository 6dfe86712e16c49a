/** A container of a published manifest, read loosely. */
export interface ManifestContainer {
  readonly name: string;
  readonly image: string;
  readonly command?: string[];
  readonly args?: string[];
  readonly envFrom?: { configMapRef?: { name: string } }[];
  readonly env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  readonly readinessProbe?: { exec?: { command: string[] } };
}

/** What a kubelet would give the container: ConfigMaps by name and the Secret's values (from `.env`). */
export interface PodInputs {
  readonly configMaps: ReadonlyMap<string, Record<string, string>>;
  readonly secretValues: ReadonlyMap<string, string>;
}

/**
 * The container's environment as the kubelet builds it: `envFrom` first, then `env` in order, each
 * `$(NAME)` expanded from the variables defined before it and `$$` read as `$`.
 */
export function containerEnvironment(container: ManifestContainer, inputs: PodInputs): Map<string, string> {
  const environment = new Map<string, string>();
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    const data = name === undefined ? undefined : inputs.configMaps.get(name);
    if (name !== undefined && !data) throw new Error(`ConfigMap ${name} is missing`);
    for (const [key, value] of Object.entries(data ?? {})) environment.set(key, value);
  }
  for (const variable of container.env ?? []) {
    const key = variable.valueFrom?.secretKeyRef?.key;
    if (key !== undefined) {
      const value = inputs.secretValues.get(key);
      if (value === undefined) throw new Error(`the Secret has no key ${key} (CreateContainerConfigError)`);
      environment.set(variable.name, value);
    } else {
      environment.set(variable.name, expand(variable.value ?? "", environment));
    }
  }
  return environment;
}

/** `$(NAME)` and `$$` as the kubelet expands them in `env`, `command` and `args`. */
export function expand(value: string, environment: ReadonlyMap<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name: string | undefined) => (match === "$$" ? "$" : (environment.get(name!) ?? match)));
}

/** `docker run` arguments after the options: `--entrypoint` for `command`, then the image and the rest. */
export function dockerRunArguments(container: ManifestContainer, environment: ReadonlyMap<string, string>): string[] {
  const envFlags = [...environment].flatMap(([key, value]) => ["-e", `${key}=${value}`]);
  const [entrypoint, ...commandRest] = (container.command ?? []).map((c) => expand(c, environment));
  const args = (container.args ?? []).map((a) => expand(a, environment));
  return [...envFlags, ...(entrypoint !== undefined ? ["--entrypoint", entrypoint] : []), container.image, ...commandRest, ...args];
}
