import { Resource, type ResourceWithArgs, type ResourceWithEndpoints, type ResourceWithEnvironment, type ResourceWithWaitSupport } from "./resource.js";

/** A program run as a child process on the host: an executable, a Node app, an npm script. */
export class ExecutableResource
  extends Resource
  implements ResourceWithEnvironment, ResourceWithEndpoints, ResourceWithArgs, ResourceWithWaitSupport
{
  readonly type: string = "executable.v0";
  readonly supportsEnvironment = true;
  readonly supportsEndpoints = true;
  readonly supportsArgs = true;
  readonly supportsWaits = true;

  /**
   * @param command the program to run (looked up on PATH unless absolute)
   * @param workingDirectory absolute path the process starts in
   */
  constructor(
    name: string,
    readonly command: string,
    readonly workingDirectory: string,
  ) {
    super(name);
  }
}
