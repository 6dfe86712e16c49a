import { environmentOf, PermanentProbeError, rejectedCredentials, type AppHostInfo, type EnvironmentValue, type ParameterResource } from "@bosun/hosting";
import type { RabbitMQResource } from "./rabbitmq-resource.js";

/** AMQP's answer to a login the broker refused (`403 (ACCESS-REFUSED)`, `ACCESS_REFUSED - Login was refused …`). */
const REFUSED_LOGIN = /ACCESS[-_]REFUSED/;
/** The answer when the virtual host of the connection string does not exist or the user may not use it. */
const NO_VIRTUAL_HOST = /NOT[-_]ALLOWED/;

/**
 * One truth for credentials: the user and password come from `addRabbitMQ(name, { userName,
 * password })`, which also gives every connection string and probe their values. A
 * RABBITMQ_DEFAULT_USER / _PASS set by hand to anything else, or another default virtual host than
 * the `/` of the connection strings, would give the broker credentials nothing else knows.
 */
export function handSetCredentials(broker: RabbitMQResource): string[] {
  const env = environmentOf(broker, "container");
  const name = broker.name;
  const problems: string[] = [];
  const own = (variable: string, expected: EnvironmentValue, option: string) => {
    if (env.has(variable) && env.get(variable) !== expected) {
      problems.push(`resource '${name}' sets ${variable} by hand, but its connection strings and probes would not use it; pass it as an option instead: ${option}`);
    }
  };
  own("RABBITMQ_DEFAULT_USER", broker.userName, `builder.addRabbitMQ("${name}", { userName: builder.addParameter("${name}-user") })`);
  own("RABBITMQ_DEFAULT_PASS", broker.password, `builder.addRabbitMQ("${name}", { password: builder.addParameter("${name}-password", { secret: true }) })`);
  const vhost = env.get("RABBITMQ_DEFAULT_VHOST");
  if (vhost !== undefined && vhost !== "/") {
    problems.push(`resource '${name}' sets RABBITMQ_DEFAULT_VHOST by hand, but its connection strings use the virtual host '/'; remove it, and create other virtual hosts from your app or a definitions file`);
  }
  return problems;
}

/** The error a probe throws for `error`: a PermanentProbeError with the fix when the broker refused the login, else `error`. */
export function rabbitMQProbeError(error: unknown, broker: RabbitMQResource, appHost: AppHostInfo): unknown {
  const answer = error instanceof Error ? error.message : String(error);
  if (REFUSED_LOGIN.test(answer)) {
    const parameters = [broker.userName, broker.password].filter((p): p is ParameterResource => typeof p !== "string");
    return rejectedCredentials({ resource: broker, appHost, answer, parameters, option: `builder.addRabbitMQ("${broker.name}", { userName, password })`, cause: error });
  }
  if (NO_VIRTUAL_HOST.test(answer)) {
    return new PermanentProbeError(`resource '${broker.name}' refused the virtual host of its connection string (${answer}); connection strings use '/', so do not change the broker's default virtual host`, { cause: error });
  }
  return error;
}
