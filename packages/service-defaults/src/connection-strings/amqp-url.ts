import { connectionString, connectionStringVariable, malformed, type Environment } from "./connection-string.js";
import { parseConnectionString } from "./parse-connection-string.js";

/**
 * The AMQP URL injected as `ConnectionStrings__<name>` (`amqp://user:password@host:5672/vhost`),
 * checked to be an amqp:// or amqps:// URI with a host.
 * @example const connection = await amqp.connect(amqpUrl("messaging"));
 */
export function amqpUrl(name: string, env: Environment = process.env): string {
  const variable = connectionStringVariable(name);
  const value = connectionString(name, env);
  const parsed = parseConnectionString(value, variable);
  if (parsed.scheme !== "amqp" && parsed.scheme !== "amqps") {
    throw malformed(variable, "expected an amqp:// or amqps:// URI (amqp://user:password@host:5672)");
  }
  if (parsed.host === undefined) throw malformed(variable, "it names no host (amqp://user:password@host:5672)");
  return value;
}

