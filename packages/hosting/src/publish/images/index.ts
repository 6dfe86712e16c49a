import type { AppSource, PublishServiceKind, ServiceBuild } from "../publish-model.js";

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

/** Placeholder until the images step lands: publishing a node or npm app fails with this message. */
export const planServiceImage: PlanServiceImage = (request) => {
  throw new Error(`publishing '${request.service}' needs the images step (publish/images), which is not built yet`);
};
