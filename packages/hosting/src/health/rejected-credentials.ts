import type { AppHostInfo } from "../model/app-host-info.js";
import type { ContainerResource } from "../model/container-resource.js";
import type { ParameterResource } from "../model/parameter-resource.js";
import type { ResourceWithDataPath } from "../model/resource.js";
import { secretsFilePath } from "../parameters/secrets-file.js";
import { PermanentProbeError } from "./permanent-probe-error.js";

export interface RejectedCredentialsOptions {
  /** The server that refused its own connection string's credentials. */
  readonly resource: ContainerResource & ResourceWithDataPath;
  readonly appHost: AppHostInfo;
  /** What the server answered, e.g. `password authentication failed for user "postgres"`. */
  readonly answer: string;
  /** The parameters its credentials come from (those that are parameters). */
  readonly parameters: readonly ParameterResource[];
  /** How to give the server its credentials in the model, e.g. `addPostgres("pg", { password })`. */
  readonly option: string;
  /**
   * Whether the server keeps its credentials in its data once initialised (PostgreSQL, RabbitMQ);
   * default true. Redis, which takes its password anew at every start, says false.
   */
  readonly keptInData?: boolean;
  readonly cause?: unknown;
}

/**
 * The error a probe throws when a server rejects the credentials of its connection string. A data
 * volume initialised earlier keeps the credentials it was created with, so the sentence names
 * that volume and both ways out: the old secret back, or the volume removed.
 * @example throw rejectedCredentials({ resource: server, appHost, answer: error.message, parameters: [server.password], option: 'addPostgres("pg", { password })' })
 */
export function rejectedCredentials(options: RejectedCredentialsOptions): PermanentProbeError {
  const { resource, answer, parameters } = options;
  const names = parameters.map((p) => `'${p.name}'`).join(" and ");
  const keys = parameters.map((p) => p.configKey).join(" and ");
  const head = `resource '${resource.name}' rejected the credentials of its connection string (${answer})`;
  const keptInData = options.keptInData ?? true;
  const data = keptInData ? resource.annotationsOf("mount").find((m) => m.target === resource.dataPath && m.source) : undefined;
  if (data?.kind === "volume" || data?.kind === "bind") {
    const [kept, wipe] =
      data.kind === "volume"
        ? [`data volume '${data.source}'`, `remove the volume and all its data with \`down --volumes\` (or \`docker volume rm ${data.source}\`)`]
        : [`data folder '${data.source}'`, "empty that folder"];
    return new PermanentProbeError(
      `${head}: its ${kept} was initialised with other credentials, which the server keeps. ` +
        `Put the old value of ${names} back in ${secretsFilePath(options.appHost)} (or set ${keys}), or ${wipe}`,
      { cause: options.cause },
    );
  }
  return new PermanentProbeError(
    `${head}: the server was given other credentials than ${names}; give them only through the model, ${options.option}, and not by hand`,
    { cause: options.cause },
  );
}
