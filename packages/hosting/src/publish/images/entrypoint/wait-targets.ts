/** The dependencies to wait for, as the publish step renders them (CONTRACT.md). */
export const WAIT_FOR_VARIABLE = "BOSUN_WAIT_FOR";

export type ProbeKind = "postgres" | "redis" | "amqp" | "http" | "tcp";

export interface WaitTarget {
  readonly service: string;
  readonly kind: "healthy" | "started";
  readonly probe: ProbeKind;
  /** A connection string, URL or `host:port`; may hold credentials, so never printed whole. */
  readonly target: string;
}

const PROBES: readonly ProbeKind[] = ["postgres", "redis", "amqp", "http", "tcp"];
const DEFAULT_PORTS: Readonly<Record<ProbeKind, number>> = { postgres: 5432, redis: 6379, amqp: 5672, http: 80, tcp: 0 };

/**
 * Parses `BOSUN_WAIT_FOR` (a JSON array; empty or absent means nothing to wait for). Throws saying
 * what is wrong with which entry.
 * @example parseWaitTargets('[{"service":"cache","kind":"healthy","probe":"redis","target":"redis://cache:6379"}]')
 */
export function parseWaitTargets(text: string | undefined): WaitTarget[] {
  if (text === undefined || text.trim() === "") return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${WAIT_FOR_VARIABLE} is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(json)) throw new Error(`${WAIT_FOR_VARIABLE} must be a JSON array of { service, kind, probe, target }`);
  return json.map((entry: unknown, index) => checkTarget(entry, index));
}

function checkTarget(entry: unknown, index: number): WaitTarget {
  const value = (entry ?? {}) as Partial<Record<keyof WaitTarget, unknown>>;
  const problem = (what: string) => new Error(`${WAIT_FOR_VARIABLE}[${index}] ${what}`);
  if (typeof value.service !== "string" || value.service === "") throw problem("has no service name");
  if (value.kind !== "healthy" && value.kind !== "started") throw problem(`(${value.service}) has kind ${JSON.stringify(value.kind)}; expected "healthy" or "started"`);
  if (!PROBES.includes(value.probe as ProbeKind)) throw problem(`(${value.service}) has probe ${JSON.stringify(value.probe)}; expected one of ${PROBES.join(", ")}`);
  if (typeof value.target !== "string" || value.target === "") throw problem(`(${value.service}) has no target`);
  return { service: value.service, kind: value.kind, probe: value.probe as ProbeKind, target: value.target };
}

/** Host and port of a target: a URL (`postgresql://u:p@db:5432/x`) or `host:port`. */
export function addressOf(target: WaitTarget): { host: string; port: number } {
  const text = target.target.includes("://") ? target.target : `tcp://${target.target}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`the ${target.probe} target of '${target.service}' is not a URL or host:port`);
  }
  const scheme = url.protocol.replace(/:$/, "");
  const fallback = scheme === "https" ? 443 : DEFAULT_PORTS[target.probe];
  const port = url.port === "" ? fallback : Number(url.port);
  if (url.hostname === "" || !(port > 0)) throw new Error(`the ${target.probe} target of '${target.service}' names no host and port`);
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port };
}

/** The target without user name or password, for messages. */
export function describeTarget(target: WaitTarget): string {
  if (target.probe === "http") {
    const url = new URL(target.target);
    url.username = "";
    url.password = "";
    return url.toString();
  }
  const { host, port } = addressOf(target);
  return `${target.probe}://${host}:${port}`;
}
