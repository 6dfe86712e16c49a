import path from "node:path";
import { connectEngine } from "../engine/connect-engine.js";
import { BosunError } from "../errors/bosun-error.js";
import { loadImageSubstitution } from "../images/index.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import type { Resource } from "../model/resource.js";
import { renderCompose, type RenderedTarget } from "./compose/render-compose.js";
import { buildServiceImages } from "./images/index.js";
import { mergeEnvFile } from "./output/env-files.js";
import { readOptional, writeOutputFolder, type UserFile } from "./output/output-folder.js";
import { parameterValues } from "./output/parameter-values.js";
import { commonFiles, ENV_FILE, generatedHeader, sortWarnings, targetVariables } from "./output/publish-files.js";
import type { PublishOptions, PublishResult } from "./publish-options.js";
import type { PublishModel, PublishTarget } from "./publish-model.js";
import { resolvePublishModel } from "./resolve/resolve-publish-model.js";
import { kubernetesSettings, withResourceSettings } from "./kubernetes/kubernetes-options.js";
import { renderKubernetes } from "./kubernetes/render-kubernetes.js";
import { renderSwarm, SECRETS_FOLDER } from "./swarm/render-swarm.js";

const TARGETS: readonly PublishTarget[] = ["compose", "swarm", "kubernetes"];

/**
 * Publishes the model for a target: resolves it once, renders the target's files, writes them
 * (safely: see writeOutputFolder) with `.env.example` and `publish-report.json`, fills `.env` when
 * asked and builds the app's images when asked. No engine is contacted unless `build` is set.
 */
export async function publishApp(resources: readonly Resource[], appHost: AppHostInfo, options: PublishOptions): Promise<PublishResult> {
  if (!TARGETS.includes(options.target)) {
    throw new BosunError(`unknown publish target '${options.target}'; use one of ${TARGETS.join(", ")}`, { code: "CONFIGURATION" });
  }
  const env = options.env ?? process.env;
  const outputDirectory = path.resolve(appHost.directory, options.outputDir ?? path.join("publish", options.target));
  const substitution = loadImageSubstitution({ env, cwd: process.cwd() });
  const substituteImage = (reference: string) => substitution.substitute(reference).image;
  const { model, files: imageFiles } = resolvePublishModel({ resources, appHost, outputDirectory, substituteImage });
  const rendered = renderTarget(options, model, outputDirectory, resources);
  const warnings = sortWarnings([...model.warnings, ...rendered.warnings]);
  if (options.strict && warnings.length > 0) {
    const lines = warnings.map((w) => `  - ${w.code}: ${w.message}`);
    throw new BosunError(`publish --strict: the ${options.target} target cannot express ${warnings.length} thing(s) in this model; nothing was written:\n${lines.join("\n")}`, {
      code: "CONFIGURATION",
    });
  }
  const owned = new Map([...imageFiles, ...rendered.files, ...commonFiles(options.target, model, warnings)]);
  const userFiles = options.envFile ? await envFiles(options.target, model, resources, appHost, outputDirectory, env) : new Map<string, UserFile>();
  const changes = await writeOutputFolder(outputDirectory, owned, userFiles);
  if (options.build) {
    const engine = await connectEngine({ env });
    await buildServiceImages(model.services, { engine, appName: model.appName, outputDirectory, appHostDirectory: appHost.directory, substituteImage, ...(options.log ? { log: options.log } : {}) });
  }
  return { target: options.target, outputDirectory, ...changes, warnings };
}

function renderTarget(options: PublishOptions, model: PublishModel, outputDirectory: string, resources: readonly Resource[]): RenderedTarget {
  const header = generatedHeader(model.appName);
  if (options.target === "compose") return renderCompose(model, outputDirectory, header);
  if (options.target === "kubernetes") return renderKubernetes(model, header, withResourceSettings(options.kubernetes ?? {}, kubernetesSettings(resources, model)));
  return renderSwarm(model, header, { endpointMode: options.swarmEndpointMode ?? "vip" });
}

/** `.env` with the values it lacks and, for Swarm, one file per secret; nothing present is changed. */
async function envFiles(target: PublishTarget, model: PublishModel, resources: readonly Resource[], appHost: AppHostInfo, directory: string, env: NodeJS.ProcessEnv) {
  const values = new Map([...targetVariables(target, model.appName).map((e) => [e.variable, e.value] as const), ...(await parameterValues(resources, appHost, model.parameters, env))]);
  const files = new Map<string, UserFile>();
  const header = `Values for the published files of '${model.appName}' (git-ignored; publish --env-file adds missing ones, never changes a line).`;
  const merged = mergeEnvFile(readOptional(path.join(directory, ENV_FILE)), values, header);
  if (merged !== undefined) files.set(ENV_FILE, { content: merged, mode: 0o600 });
  if (target === "swarm") {
    for (const parameter of model.parameters.filter((p) => p.secret)) {
      const file = `${SECRETS_FOLDER}/${parameter.name}`;
      const value = values.get(parameter.variable);
      if (value !== undefined && readOptional(path.join(directory, file)) === undefined) files.set(file, { content: value, mode: 0o600 });
    }
  }
  return files;
}
