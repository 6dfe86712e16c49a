import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { EngineClient } from "../../engine/engine-client.js";
import type { PublishService } from "../publish-model.js";
import { appCommand } from "./app-command.js";
import { dependencyClosure } from "./dependency-closure.js";
import { findWorkspaceRoot } from "./package-json.js";
import { serviceBuildFiles, type ServiceBuildFile, type ServiceImageRequest } from "./plan-service-image.js";
import { runBuildScripts } from "./run-build-scripts.js";
import { isBosunBuildFolder, stageBuildContext } from "./stage-context.js";

/** The label that records what an image was built from, so an unchanged app is not rebuilt. */
export const CONTEXT_LABEL = "bosun.context-fingerprint";

export interface BuildServiceImagesOptions {
  readonly engine: EngineClient;
  readonly appName: string;
  /** Absolute path of the output folder the services' build folders are in. */
  readonly outputDirectory: string;
  readonly appHostDirectory: string;
  readonly baseImage?: string;
  readonly substituteImage?: (reference: string) => string;
  readonly log?: (line: string) => void;
  /** Run `npm run build` of the app and its workspace members first (default true). */
  readonly runBuildScripts?: boolean;
}

export interface BuiltServiceImage {
  readonly service: string;
  readonly image: string;
  readonly id: string;
  /** False when the image already matched the staged context. */
  readonly rebuilt: boolean;
  readonly seconds: number;
  readonly sizeBytes?: number;
}

/**
 * `publish --build`: for every node and npm app, runs its build scripts, writes its build folder,
 * stages the context and builds and tags the image through the engine, one service at a time.
 */
export async function buildServiceImages(services: readonly PublishService[], options: BuildServiceImagesOptions): Promise<BuiltServiceImage[]> {
  const log = options.log ?? (() => {});
  const built: BuiltServiceImage[] = [];
  const buildScriptsDone = new Set<string>();
  for (const service of services) {
    if (!service.build || !service.source) continue;
    const started = Date.now();
    const request: ServiceImageRequest = {
      appName: options.appName,
      service: service.name,
      kind: service.kind === "npm-app" ? "npm-app" : "node-app",
      source: service.source,
      containerPorts: service.ports.map((port) => port.containerPort),
      outputDirectory: options.outputDirectory,
      appHostDirectory: options.appHostDirectory,
      ...(options.baseImage ? { baseImage: options.baseImage } : {}),
      ...(options.substituteImage ? { substituteImage: options.substituteImage } : {}),
    };
    const contextDirectory = join(options.outputDirectory, service.build.context);
    const buildFiles = writeBuildFolder(request, contextDirectory);
    const root = findWorkspaceRoot(service.source.directory);
    const command = appCommand(service.name, service.source);
    const closure = dependencyClosure(root, service.source.directory, command.extraPackages);
    if (options.runBuildScripts !== false) {
      const members = closure.packages.filter((pkg) => pkg.workspace).map((pkg) => pkg.source);
      await runBuildScripts([...members, service.source.directory], buildScriptsDone, log);
    }
    const staged = stageBuildContext({
      contextDirectory,
      workspaceRoot: root,
      appDirectory: service.source.directory,
      extraPackages: command.extraPackages,
      includeBinLinks: command.npmScript,
      closure,
    });
    // The Dockerfile (base image) and the entrypoint count too, not only the staged files.
    const fingerprint = createHash("sha256").update(staged.fingerprint).update(buildFiles.map((file) => `${file.path}\0${file.content}`).join("\0")).digest("hex");
    const existing = await options.engine.images.inspect(service.image);
    if (existing?.labels[CONTEXT_LABEL] === fingerprint) {
      log(`${service.name}: ${service.image} is up to date`);
      built.push({ service: service.name, image: service.image, id: existing.id, rebuilt: false, seconds: (Date.now() - started) / 1000 });
      continue;
    }
    log(`${service.name}: building ${service.image} (${staged.files} files staged)`);
    const result = await options.engine.images.build({
      context: { directory: contextDirectory, entries: readdirSync(contextDirectory).filter((name) => name !== ".gitignore") },
      tag: service.image,
      labels: { [CONTEXT_LABEL]: fingerprint, "bosun.app": options.appName, "bosun.service": service.name },
    });
    built.push({ service: service.name, image: service.image, id: result.id, rebuilt: true, seconds: (Date.now() - started) / 1000 });
  }
  return built;
}

/** Writes the Dockerfile, entrypoint and .gitignore and returns them; refuses a folder bosun did not write. */
function writeBuildFolder(request: ServiceImageRequest, contextDirectory: string): ServiceBuildFile[] {
  mkdirSync(contextDirectory, { recursive: true });
  if (readdirSync(contextDirectory).length > 0 && !isBosunBuildFolder(contextDirectory)) {
    throw new Error(
      `cannot stage the build of '${request.service}': ${contextDirectory} holds files bosun did not write (no generated Dockerfile); move them or publish to another folder`,
    );
  }
  const files = serviceBuildFiles(request);
  for (const file of files) {
    const path = join(request.outputDirectory, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return files;
}
