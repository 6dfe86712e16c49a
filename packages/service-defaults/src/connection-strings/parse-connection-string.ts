import { malformed } from "./connection-string.js";
import { normalizeKeyword, parseKeywordList } from "./keyword-list.js";

/** A connection string split into parts, whichever form it came in. */
export interface ParsedConnectionString {
  readonly format: "uri" | "keywords";
  /** The URI scheme without `:` (`postgresql`, `redis`, `amqp`); undefined for the keyword form. */
  readonly scheme: string | undefined;
  readonly host: string | undefined;
  readonly port: number | undefined;
  readonly database: string | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
  /** Every other keyword or query parameter, by normalised name (lower case, no spaces). */
  readonly options: ReadonlyMap<string, { readonly key: string; readonly value: string }>;
}

const URI = /^[a-z][a-z0-9+.-]*:\/\//i;
const HOST_KEYS = ["host", "server", "datasource"];
const PORT_KEYS = ["port"];
const DATABASE_KEYS = ["database", "db", "initialcatalog"];
const USERNAME_KEYS = ["username", "userid", "user", "uid"];
const PASSWORD_KEYS = ["password", "pwd", "psw"];

/**
 * Parses a URI (`postgresql://user:pass@host:5432/db?x=y`) or an ADO.NET keyword list
 * (`Host=h;Port=5432;Database=db;Username=u;Password=p;MaxPoolSize=100`).
 * `variable` names the source in error messages, which never contain the password.
 */
export function parseConnectionString(value: string, variable: string): ParsedConnectionString {
  return URI.test(value) ? parseUri(value, variable) : parseKeywords(value, variable);
}

function parseUri(value: string, variable: string): ParsedConnectionString {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw malformed(variable, "it looks like a URI but cannot be parsed (expected scheme://user:password@host:port/database)");
  }
  const options = new Map<string, { key: string; value: string }>();
  for (const [key, optionValue] of url.searchParams) options.set(normalizeKeyword(key), { key, value: optionValue });
  const database = decode(url.pathname.replace(/^\//, ""), variable, "database name");
  return {
    format: "uri",
    scheme: url.protocol.replace(/:$/, ""),
    host: url.hostname === "" ? undefined : url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port === "" ? undefined : Number(url.port),
    database: database === "" ? undefined : database,
    username: url.username === "" ? undefined : decode(url.username, variable, "user name"),
    password: url.password === "" ? undefined : decode(url.password, variable, "password"),
    options,
  };
}

function parseKeywords(value: string, variable: string): ParsedConnectionString {
  const pairs = parseKeywordList(value, variable);
  const take = (keys: readonly string[]) => {
    let found: string | undefined;
    for (const key of keys) {
      const pair = pairs.get(key);
      if (pair !== undefined) found = pair.value;
      pairs.delete(key);
    }
    return found === "" ? undefined : found;
  };
  const host = take(HOST_KEYS);
  const portText = take(PORT_KEYS);
  return {
    format: "keywords",
    scheme: undefined,
    host,
    port: portText === undefined ? undefined : parsePort(portText, variable),
    database: take(DATABASE_KEYS),
    username: take(USERNAME_KEYS),
    password: take(PASSWORD_KEYS),
    options: pairs,
  };
}

function parsePort(text: string, variable: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw malformed(variable, `Port must be a number from 1 to 65535, got '${text}'`);
  }
  return port;
}

function decode(text: string, variable: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw malformed(variable, `the ${what} in the URI is not valid percent-encoding`);
  }
}
