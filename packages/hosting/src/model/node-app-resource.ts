import { ExecutableResource } from "./executable-resource.js";

/** A Node.js script run with the host's `node`; TypeScript scripts run through tsx. */
export class NodeAppResource extends ExecutableResource {
  constructor(
    name: string,
    workingDirectory: string,
    /** Path of the entry script, relative to the working directory. */
    readonly script: string,
  ) {
    super(name, "node", workingDirectory);
  }

  /** True when the script needs a TypeScript loader. */
  get isTypeScript(): boolean {
    return /\.[cm]?tsx?$/.test(this.script);
  }
}
