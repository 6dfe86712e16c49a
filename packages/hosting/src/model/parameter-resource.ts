import { Resource } from "./resource.js";

export interface GenerateOptions {
  /** At least 22 for secrets. */
  readonly minLength: number;
}

export interface ParameterOptions {
  /** Secret values never appear in logs, terminal output or the manifest. */
  readonly secret?: boolean;
  /** A default used when neither the environment nor the secrets file holds a value. */
  readonly value?: string;
  /** Generate a value (from a cryptographic source) and keep it in the AppHost's secrets file. */
  readonly generate?: GenerateOptions;
}

/**
 * A value supplied at run time: from the environment variable `configKey` (`Parameters__name`),
 * else the AppHost's secrets file, else the default, else generated.
 */
export class ParameterResource extends Resource {
  readonly type = "parameter.v0";
  readonly secret: boolean;
  readonly defaultValue: string | undefined;
  readonly generate: GenerateOptions | undefined;

  constructor(
    name: string,
    options: ParameterOptions = {},
    readonly configKey: string = `Parameters__${name}`,
  ) {
    super(name);
    this.secret = options.secret ?? false;
    this.defaultValue = options.value;
    this.generate = options.generate;
  }
}

/** Minimum length of generated passwords. */
export const GENERATED_PASSWORD_LENGTH = 22;
