import {
  checkCall,
  checkOptions,
  defineExtension,
  type DistributedApplicationBuilder,
  type ParameterResource,
  type ProbeContext,
  type ResourceBuilder,
} from "@bosun/hosting";
import { POSTGRES_DEFAULT_USER, POSTGRES_IMAGE, POSTGRES_PORT, POSTGRES_REGISTRY, POSTGRES_TAG } from "./postgres-images.js";
import { catalogOf } from "./postgres-catalog.js";
import { connectPostgres } from "./postgres-connection.js";
import { onMaintenanceDatabase } from "./postgres-probes.js";
import { classifiedProbe } from "./postgres-probe-errors.js";
import { publishedPostgresCheck } from "./postgres-published-check.js";
import { joinPgAdmin } from "./pgadmin.js";
import { PostgresServerBuilder } from "./postgres-server-builder.js";
import { PostgresServerResource } from "./postgres-server-resource.js";

export interface PostgresOptions {
  /** Default: `postgres`. */
  readonly userName?: ResourceBuilder<ParameterResource>;
  /** Default: a generated secret `<name>-password`, kept in the AppHost's secrets file. */
  readonly password?: ResourceBuilder<ParameterResource>;
  /** Host port; default: chosen by the engine. */
  readonly port?: number;
}

/**
 * Adds a PostgreSQL server container.
 * @example const db = builder.addPostgres("postgres").withDataVolume().addDatabase("appdb")
 */
export function addPostgres(app: DistributedApplicationBuilder, name: string, options: PostgresOptions = {}): PostgresServerBuilder {
  const context = { call: "builder.addPostgres(…)", example: 'builder.addPostgres("postgres", { port: 5433 })' };
  checkCall(context, { "the name": [name, "string"] });
  checkOptions(context, options, { userName: "parameter?", password: "parameter?", port: "number?" });
  const password = options.password ? options.password.resource : app.addGeneratedPassword(name).resource;
  const userName = options.userName ? options.userName.resource : POSTGRES_DEFAULT_USER;
  const server = new PostgresServerResource(name, userName, password);
  app.addResource(server);
  joinPgAdmin(app, server);
  server.addAnnotation({ type: "container-image", registry: POSTGRES_REGISTRY, image: POSTGRES_IMAGE, tag: POSTGRES_TAG });
  const publishedCheck = publishedPostgresCheck(userName);
  const probe = ({ resolve }: ProbeContext) => classifiedProbe(catalogOf(server).probe(resolve(server)), server, app.appHost);
  const connect = ({ resolve }: ProbeContext) => classifiedProbe(connectPostgres(onMaintenanceDatabase(resolve(server))), server, app.appHost);
  server.addAnnotation({ type: "health-check", check: { kind: "probe", name: "postgres", probe, connect, publishedCheck } });
  server.addAnnotation({ type: "publish-hints", fileVariables: ["POSTGRES_PASSWORD", "POSTGRES_USER", "POSTGRES_DB"] });
  return new PostgresServerBuilder(server, app)
    .withEndpoint({ name: "tcp", targetPort: POSTGRES_PORT, port: options.port })
    .withEnvironment("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256")
    .withEnvironment("POSTGRES_INITDB_ARGS", "--auth-host=scram-sha-256 --auth-local=scram-sha-256")
    .withEnvironment("POSTGRES_USER", userName)
    .withEnvironment("POSTGRES_PASSWORD", password);
}

/**
 * The PostgreSQL integration: `createBuilder().use(postgres)` adds `addPostgres`.
 * @example const builder = createBuilder().use(postgres); builder.addPostgres("pg")
 */
export const postgres = defineExtension("postgres", (app) => ({
  addPostgres: (name: string, options?: PostgresOptions): PostgresServerBuilder => addPostgres(app, name, options),
}));
