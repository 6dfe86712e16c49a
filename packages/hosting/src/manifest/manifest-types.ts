/** One resource in the manifest. Fields appear only when they apply. */
export interface ManifestResource {
  type: string;
  parent?: string;
  connectionString?: string;
  value?: string;
  inputs?: Record<string, unknown>;
  image?: string;
  containerName?: string;
  lifetime?: string;
  command?: string;
  workingDirectory?: string;
  args?: string[];
  env?: Record<string, string>;
  bindings?: Record<string, { scheme: string; protocol: string; transport: string; port?: number | undefined; targetPort?: number | undefined; external?: boolean }>;
  volumes?: { name: string | undefined; target: string; readOnly: boolean }[];
  bindMounts?: { source: string | undefined; target: string; readOnly: boolean }[];
  waitFor?: { resource: string; condition: string; exitCode?: number }[];
  /** Checks bosun runs itself; `probe` ones are an integration's client probe (pg, redis, AMQP). */
  healthChecks?: ({ kind: "http"; endpoint: string; path: string; statusCode: number } | { kind: "tcp"; endpoint: string } | { kind: "probe"; name: string })[];
  startupTimeoutMs?: number;
  references?: string[];
}

/** What `app.manifest()` returns and `apphost manifest` prints. */
export interface Manifest {
  $schema: string;
  resources: Record<string, ManifestResource>;
}
