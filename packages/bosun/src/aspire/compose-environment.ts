import { property, type AspireProperty } from "./properties.js";

/**
 * Aspire's DockerComposeEnvironmentResource: not a resource in bosun, a choice of publisher.
 * `npx tsx apphost.ts publish` then writes docker-compose.yaml (`--target compose`).
 */
export class ComposeEnvironment {
  readonly aspireKind = "composeEnvironment";
  readonly name: AspireProperty<string>;

  constructor(name: string) {
    this.name = property(() => name);
  }
}
