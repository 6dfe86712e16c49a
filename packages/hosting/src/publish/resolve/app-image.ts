import type { AppHostInfo } from "../../model/app-host-info.js";
import type { ExecutableResource } from "../../model/executable-resource.js";
import { planServiceImage, serviceBuildFiles, type ServiceImageRequest } from "../images/index.js";
import type { AppSource, PublishServiceKind, PublishWarning, ServiceBuild } from "../publish-model.js";
import { appSourceOf, extraAppArgs } from "./publish-service.js";

export interface AppImageContext {
  readonly appHost: AppHostInfo;
  readonly outputDirectory: string;
  readonly baseImage?: string;
  readonly substituteImage?: (reference: string) => string;
  /** Collects the build folders' files (path relative to the output folder → content). */
  readonly files: Map<string, string>;
  readonly warn: (warning: PublishWarning) => void;
}

/** A node or npm app's image, planned by the images step, and its build folder's files. */
export function planAppImage(app: ExecutableResource, kind: Exclude<PublishServiceKind, "container">, containerPorts: readonly number[], context: AppImageContext): { image: string; build: ServiceBuild; source: AppSource } {
  if (extraAppArgs(app) > 0) {
    context.warn({ code: "APP_ARGS_NOT_PUBLISHED", resource: app.name, message: `the extra arguments of '${app.name}' are not passed to its published image; read them from the environment instead` });
  }
  const source = appSourceOf(app);
  const request: ServiceImageRequest = {
    appName: context.appHost.name,
    service: app.name,
    kind,
    source,
    containerPorts,
    outputDirectory: context.outputDirectory,
    appHostDirectory: context.appHost.directory,
    ...(context.baseImage ? { baseImage: context.baseImage } : {}),
    ...(context.substituteImage ? { substituteImage: context.substituteImage } : {}),
  };
  const plan = planServiceImage(request);
  for (const file of serviceBuildFiles(request)) context.files.set(file.path, file.content);
  return { image: plan.image, build: plan.build, source };
}
