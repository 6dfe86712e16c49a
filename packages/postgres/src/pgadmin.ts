import { ContainerResource, ParameterResource, ResourceBuilder, type DistributedApplicationBuilder, type ExpressionValue } from "@bosun/hosting";
import { PGADMIN_IMAGE, PGADMIN_PORT, PGADMIN_REGISTRY, PGADMIN_TAG, POSTGRES_PORT } from "./postgres-images.js";
import { MAINTENANCE_DATABASE } from "./postgres-probes.js";
import { PostgresServerResource } from "./postgres-server-resource.js";
import { renderPassfile, renderServersJson, type PgAdminServer } from "./pgadmin-files.js";

/** Where the generated files are mounted in pgAdmin's container. */
const PGADMIN_SERVERS_FILE = "/pgadmin4/servers.json";
const PGADMIN_PASSFILE_MOUNT = "/pgadmin4/pgpass";
/** The login's default: a reserved domain pgAdmin's e-mail check accepts, which never delivers mail. */
export const PGADMIN_DEFAULT_EMAIL = "admin@example.com";

/** pgAdmin's container; one per app, registering every PostgreSQL server of the model. */
export class PgAdminResource extends ContainerResource {
  constructor(
    name: string,
    readonly email: ParameterResource,
    readonly password: ParameterResource,
  ) {
    super(name);
  }

  /** The servers it registers: those it waits for. */
  get servers(): PostgresServerResource[] {
    return this.annotationsOf("wait").flatMap((w) => (w.target instanceof PostgresServerResource ? [w.target] : []));
  }
}

/** The app's pgAdmin, made on first use as `<server>-pgadmin` and waiting for every server of the model. */
export function pgAdminOf(app: DistributedApplicationBuilder, server: PostgresServerResource): ResourceBuilder<PgAdminResource> {
  const existing = appPgAdmin(app);
  if (existing) return new ResourceBuilder(existing, app.appHost);
  const name = `${server.name}-pgadmin`;
  const resource = new PgAdminResource(name, new ParameterResource(`${name}-email`, { value: PGADMIN_DEFAULT_EMAIL }), app.addGeneratedPassword(name).resource);
  // A bad server name is reported once, on the server, not again for what is made from it.
  app.addResource(resource.email, { derivedFrom: name });
  const { email, password } = resource;
  const pgadmin = app
    .addResource(resource, { derivedFrom: server.name })
    .withHttpEndpoint({ targetPort: PGADMIN_PORT })
    .withEnvironment("PGADMIN_DEFAULT_EMAIL", email)
    .withEnvironment("PGADMIN_DEFAULT_PASSWORD", password)
    .withEnvironment("PGADMIN_CONFIG_SERVER_MODE", "True")
    .withEnvironment("PGADMIN_CONFIG_MASTER_PASSWORD_REQUIRED", "False")
    .withEnvironment("PGADMIN_SERVER_JSON_FILE", PGADMIN_SERVERS_FILE)
    .withEnvironment("PGPASS_FILE", PGADMIN_PASSFILE_MOUNT)
    // Answers without a login; /browser redirects to the login page in server mode.
    .withHttpHealthCheck("/misc/ping");
  resource.addAnnotation({ type: "container-image", registry: PGADMIN_REGISTRY, image: PGADMIN_IMAGE, tag: PGADMIN_TAG });
  resource.addAnnotation({ type: "container-file", target: PGADMIN_SERVERS_FILE, content: ({ resolve }) => renderServersJson(serversOf(resource, resolve)) });
  resource.addAnnotation({ type: "container-file", target: PGADMIN_PASSFILE_MOUNT, content: ({ resolve }) => renderPassfile(serversOf(resource, resolve)) });
  for (const other of app.resources.filter((r): r is PostgresServerResource => r instanceof PostgresServerResource)) pgadmin.waitFor(other);
  return pgadmin;
}

/** Called for each new server: an app that already has pgAdmin registers it there too. */
export function joinPgAdmin(app: DistributedApplicationBuilder, server: PostgresServerResource): void {
  appPgAdmin(app)?.addAnnotation({ type: "wait", target: server, kind: "healthy", exitCode: 0 });
}

function appPgAdmin(app: DistributedApplicationBuilder): PgAdminResource | undefined {
  return app.resources.find((r): r is PgAdminResource => r instanceof PgAdminResource);
}

function serversOf(pgadmin: PgAdminResource, resolve: (value: ExpressionValue) => string): PgAdminServer[] {
  return pgadmin.servers.map((server) => ({
    name: server.name,
    host: resolve(server.primaryEndpoint.host),
    port: POSTGRES_PORT,
    maintenanceDatabase: MAINTENANCE_DATABASE,
    userName: resolve(server.userName),
    password: resolve(server.password),
  }));
}
