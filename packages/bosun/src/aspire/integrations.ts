import { EndpointReference, expr, type ParameterResource, type ReferenceExpression, type Resource } from "@bosun/hosting";
import { chained, type Chained } from "./chained.js";
import { AspireServer } from "./container.js";
import { AspireEndpoint } from "./endpoint.js";
import { property, type AspireProperty } from "./properties.js";
import { AspireReferenceExpression } from "./reference-expression.js";
import { AspireResource } from "./resource.js";
import { addRedisCommander, type CompanionOptions } from "./redis-commander.js";
import { addRedisInsight } from "./redis-insight.js";
import { withPgWeb } from "./pgweb.js";
import { refuse } from "./refusals.js";
import type { PostgresServerBuilder } from "@bosun/postgres";
import type { RabbitMQBuilder } from "@bosun/rabbitmq";
import type { RedisBuilder } from "@bosun/redis";

/** Aspire's PostgresServerResource on bosun's PostgreSQL integration. */
export class AspirePostgres extends AspireServer {
  override readonly aspireKind: string = "postgres";
  /** `jdbc:postgresql://host:port`, without credentials, as Aspire's. */
  readonly jdbcConnectionString: AspireProperty<AspireReferenceExpression> = property(() => {
    const { host, port } = (this.native.resource as { primaryEndpoint: EndpointReference }).primaryEndpoint;
    return new AspireReferenceExpression(expr`jdbc:postgresql://${host}:${port}`);
  });

  /** @example const db = await postgres.addDatabase("db", { databaseName: "app" }) */
  addDatabase(name: string, options: { databaseName?: string } = {}): Chained<AspireDatabase> {
    return chained(new AspireDatabase(this.app, (this.native as PostgresServerBuilder).addDatabase(name, options.databaseName ?? name)));
  }

  /** bosun's pgAdmin: one for the app, every server registered. */
  withPgAdmin(options: CompanionOptions = {}): Chained<this> {
    (this.native as PostgresServerBuilder).withPgAdmin((pgadmin) => this.app.configureCompanion(pgadmin, options));
    return this.done();
  }

  /** @example postgres.withInitFiles("./init") */
  withInitFiles(source: string): Chained<this> {
    (this.native as PostgresServerBuilder).withInitFiles(source);
    return this.done();
  }

  /**
   * One `pgweb` container for the app, connected to this server's first database.
   * @example postgres.withPgWeb({ containerName: "mypgweb" })
   */
  withPgWeb(options: CompanionOptions = {}): Chained<this> {
    withPgWeb(this, options);
    return this.done();
  }

  /** Refused: bosun's PostgreSQL takes its password when it is added. */
  withPassword(..._given: unknown[]): never {
    refuse(`withPassword() on PostgreSQL server '${this.native.name}'`, "bosun sets a PostgreSQL server's password when it is added", `pass it to builder.addPostgres("${this.native.name}", { password })`);
  }
}

/** Aspire's PostgresDatabaseResource. */
export class AspireDatabase extends AspireResource {
  override readonly aspireKind: string = "database";
  readonly databaseName: AspireProperty<string>;
  /** `jdbc:postgresql://host:port/database`, without credentials, as Aspire's. */
  readonly jdbcConnectionString: AspireProperty<AspireReferenceExpression>;
  readonly uriExpression: AspireProperty<AspireReferenceExpression>;
  readonly connectionStringExpression: AspireProperty<AspireReferenceExpression>;

  constructor(...args: ConstructorParameters<typeof AspireResource>) {
    super(...args);
    const database = () => this.native.resource as { databaseName: string; uriExpression: ReferenceExpression; connectionStringExpression: ReferenceExpression };
    this.databaseName = property(() => database().databaseName);
    this.jdbcConnectionString = property(() => {
      const { host, port } = (this.native.resource as { parent: { primaryEndpoint: EndpointReference } }).parent.primaryEndpoint;
      return new AspireReferenceExpression(expr`jdbc:postgresql://${host}:${port}/${database().databaseName}`);
    });
    this.uriExpression = property(() => new AspireReferenceExpression(database().uriExpression));
    this.connectionStringExpression = property(() => new AspireReferenceExpression(database().connectionStringExpression));
  }
}

/** Aspire's RedisResource on bosun's Redis integration. */
export class AspireRedis extends AspireServer {
  override readonly aspireKind: string = "redis";
  /** bosun's Redis serves no TLS. */
  readonly tlsEnabled = property(() => false);

  /**
   * bosun's RedisBuilder.withPassword: `--requirepass`, probes and connection strings use the
   * parameter. Call it before withRedisCommander/withRedisInsight, which read the password when added.
   * @example cache.withPassword(await builder.addParameter("cache-password", { secret: true }))
   */
  withPassword(password: AspireParameter): Chained<this> {
    (this.native as RedisBuilder).withPassword(password.native);
    return this.done();
  }

  /**
   * A Redis Insight container (`<name>-insight`) with this server preconfigured.
   * @example cache.withRedisInsight({ containerName: "my-insight" })
   */
  withRedisInsight(options: CompanionOptions = {}): Chained<this> {
    addRedisInsight(this, options);
    return this.done();
  }

  /**
   * A Redis Commander container (`<name>-commander`) connected to this server.
   * @example cache.withRedisCommander({ containerName: "my-commander" })
   */
  withRedisCommander(options: CompanionOptions = {}): Chained<this> {
    addRedisCommander(this, options);
    return this.done();
  }

  /**
   * Snapshots to the data folder; `interval` is a .NET TimeSpan in ticks (10,000,000 a second), as
   * the generated modules pass it.
   * @example cache.withPersistence({ interval: 600_000_000, keysChangedThreshold: 5 })
   */
  withPersistence(options: { interval?: number; keysChangedThreshold?: number } = {}): Chained<this> {
    const seconds = options.interval === undefined ? 60 : Math.round(options.interval / 10_000_000);
    (this.native as RedisBuilder).withPersistence(seconds, options.keysChangedThreshold ?? 1);
    return this.done();
  }
}

/** Aspire's RabbitMQServerResource on bosun's RabbitMQ integration. */
export class AspireRabbitMQ extends AspireServer {
  override readonly aspireKind: string = "rabbitmq";
  readonly managementEndpoint: AspireProperty<AspireEndpoint>;

  constructor(...args: ConstructorParameters<typeof AspireResource>) {
    super(...args);
    this.managementEndpoint = property(() => new AspireEndpoint(new EndpointReference(this.native.resource as Resource, "management")));
  }

  /** Refused: bosun's RabbitMQ takes its password when it is added. */
  withPassword(..._given: unknown[]): never {
    refuse(`withPassword() on RabbitMQ server '${this.native.name}'`, "bosun sets a RabbitMQ server's password when it is added", `pass it to builder.addRabbitMQ("${this.native.name}", { password })`);
  }

  /** @example messaging.withManagementPlugin() */
  withManagementPlugin(): Chained<this> {
    (this.native as RabbitMQBuilder).withManagementPlugin();
    return this.done();
  }

  /** @example messaging.withManagementPluginWithPort({ port: 15673 }) */
  withManagementPluginWithPort(options: { port?: number } = {}): Chained<this> {
    (this.native as RabbitMQBuilder).withManagementPlugin(options.port);
    return this.done();
  }
}

/** A parameter: a value for withEnvironment, refExpr, or an integration's password. */
export class AspireParameter extends AspireResource {
  override readonly aspireKind: string = "parameter";

  nativeValue(): ParameterResource {
    return this.native.resource as ParameterResource;
  }
}

/** A connection string given from outside (`ConnectionStrings__name`). */
export class AspireConnectionString extends AspireResource {
  override readonly aspireKind: string = "connectionString";
  readonly connectionStringExpression: AspireProperty<AspireReferenceExpression> = property(
    () => new AspireReferenceExpression(expr`${(this.native.resource as { connectionStringExpression: ReferenceExpression }).connectionStringExpression}`),
  );
}
