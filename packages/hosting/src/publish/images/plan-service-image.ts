import { relative, sep } from "node:path";
import type { AppSource, PublishServiceKind, ServiceBuild } from "../publish-model.js";
import { appCommand } from "./app-command.js";
import { bundleEntrypointSync, ENTRYPOINT_FILE } from "./bundle-entrypoint.js";
import { DEFAULT_NODE_BASE_IMAGE, serviceImageName } from "./node-base-image.js";
import { findWorkspaceRoot } from "./package-json.js";
import { CONTEXT_FOLDERS, renderDockerfile } from "./render-dockerfile.js";

/** What the images step needs to know about one of the app's own services. */
export interface ServiceImageRequest {
  readonly appName: string;
  readonly service: string;
  readonly kind: Exclude<PublishServiceKind, "container">;
  readonly source: AppSource;
  /** Ports the app listens on inside its container. */
  readonly containerPorts: readonly number[];
  /** Absolute path of the folder the published files go to (build paths are relative to it). */
  readonly outputDirectory: string;
  readonly appHostDirectory: string;
  /** The image to build on; default DEFAULT_NODE_BASE_IMAGE. */
  readonly baseImage?: string;
  /** Maps the base image like any other (BOSUN_IMAGE_MAP); identity when not given. */
  readonly substituteImage?: (reference: string) => string;
}

/** The image tag a node or npm app is published as, and how to build it. */
export interface ServiceImagePlan {
  readonly image: string;
  readonly build: ServiceBuild;
  /**
   * Files publish writes into the output folder (paths relative to it, `/`-separated), e.g. the
   * Dockerfile and the entrypoint; marked and replaced like every file publish writes. A path
   * planned for two services must have the same content.
   */
  readonly files?: Readonly<Record<string, string>>;
}

export type PlanServiceImage = (request: ServiceImageRequest) => ServiceImagePlan | Promise<ServiceImagePlan>;

/** A file the publish step writes for a service's build, relative to the output folder. */
export interface ServiceBuildFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Plans a node or npm app's image: tag `<app>-<service>:latest`, built from the folder `<service>/`
 * of the output (its Dockerfile, the bundled entrypoint, and the context `publish --build` stages).
 * Reads the app's package.json (npm script) and finds its workspace; no engine is contacted.
 * @example planServiceImage(request).build // { context: "api", dockerfile: "api/Dockerfile", args: {} }
 */
export const planServiceImage = (request: ServiceImageRequest): ServiceImagePlan => ({
  image: serviceImageName(request.appName, request.service),
  build: { context: request.service, dockerfile: `${request.service}/Dockerfile`, args: {} },
  files: Object.fromEntries(serviceBuildFiles(request).map((file) => [file.path, file.content])),
});

/** The Dockerfile, entrypoint and .gitignore of a service's build folder (deterministic). */
export function serviceBuildFiles(request: ServiceImageRequest): ServiceBuildFile[] {
  const root = findWorkspaceRoot(request.source.directory);
  const command = appCommand(request.service, request.source);
  const base = request.baseImage ?? DEFAULT_NODE_BASE_IMAGE;
  const dockerfile = renderDockerfile({
    appName: request.appName,
    service: request.service,
    baseImage: request.substituteImage ? request.substituteImage(base) : base,
    appPath: relative(root, request.source.directory).split(sep).join("/"),
    command: command.command,
    npmScript: command.npmScript,
    ports: request.containerPorts,
  });
  const ignored = Object.values(CONTEXT_FOLDERS).map((folder) => `/${folder}/`);
  return [
    { path: `${request.service}/Dockerfile`, content: dockerfile },
    { path: `${request.service}/${ENTRYPOINT_FILE}`, content: bundleEntrypointSync() },
    { path: `${request.service}/.gitignore`, content: `# Staged by publish --build from the workspace; not to be committed.\n${ignored.join("\n")}\n` },
  ];
}
