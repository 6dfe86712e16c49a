import {
  ContainerResource,
  EndpointReference,
  expr,
  serverConnectionProperties,
  uri,
  type ExpressionValue,
  type ParameterResource,
  type ReferenceExpression,
  type ResourceWithConnectionString,
  type ResourceWithDataPath,
} from "@bosun/hosting";
import { handSetPassword } from "./redis-credentials.js";
import { REDIS_DATA_PATH } from "./redis-images.js";

/** A Redis server container. Its connection string is `redis://:password@host:port`. */
export class RedisResource extends ContainerResource implements ResourceWithConnectionString, ResourceWithDataPath {
  readonly dataPath = REDIS_DATA_PATH;
  readonly primaryEndpoint: EndpointReference;
  #password: ParameterResource;

  constructor(name: string, password: ParameterResource) {
    super(name);
    this.#password = password;
    this.primaryEndpoint = new EndpointReference(this, "tcp");
  }

  /** The password parameter: addRedis's, or the one RedisBuilder.withPassword set. */
  get password(): ParameterResource {
    return this.#password;
  }

  /** Uses `password` wherever the server (`--requirepass`), its probes and connection strings used the old one. */
  replacePassword(password: ParameterResource): void {
    const old = this.#password;
    this.#password = password;
    this.annotations.forEach((annotation, index) => {
      if (annotation.type !== "args" || !annotation.args.includes(old)) return;
      this.annotations[index] = { ...annotation, args: annotation.args.map((arg) => (arg === old ? password : arg)) };
    });
  }

  get connectionStringExpression(): ReferenceExpression {
    const { host, port } = this.primaryEndpoint;
    return expr`redis://:${uri(this.password)}@${host}:${port}`;
  }

  connectionProperties(): ReadonlyMap<string, ExpressionValue> {
    const { primaryEndpoint: endpoint, password } = this;
    return serverConnectionProperties({ endpoint, password, uri: this.connectionStringExpression });
  }

  /**
   * `--save <seconds> <changes>` needs whole numbers Redis accepts: at least 1 second, 0 or more
   * changes; and the password is not set by hand (see handSetPassword).
   */
  override checkSettings(): string[] {
    return [...handSetPassword(this), ...this.#saveProblems()];
  }

  #saveProblems(): string[] {
    return this.annotationsOf("args").flatMap(({ args }) => {
      const at = args.indexOf("--save");
      if (at === -1) return [];
      const [seconds, changes] = [Number(args[at + 1]), Number(args[at + 2])];
      if (Number.isInteger(seconds) && seconds >= 1 && Number.isInteger(changes) && changes >= 0) return [];
      return [`resource '${this.name}' snapshots every ${args[at + 1]} s after ${args[at + 2]} changes; use whole numbers, at least 1 second, e.g. .withPersistence(60, 1)`];
    });
  }
}
