import { BosunError } from "../../errors/bosun-error.js";
import type { ContainerInfo } from "../../engine/container-info.js";
import type { Lifetime } from "../../model/annotations.js";
import { isPersistent, LABEL } from "./docker-labels.js";
import { ownerIsGone, type OwnerCheck } from "./session-owner.js";

/** What to do with a container that already has the name a resource needs. */
export type NameHolderVerdict =
  | { readonly action: "reuse" }
  | { readonly action: "replace"; readonly why: string }
  | { readonly action: "refuse"; readonly error: BosunError };

export interface JudgeNameHolderOptions extends OwnerCheck {
  readonly resource: string;
  readonly holder: ContainerInfo;
  readonly appKey: string;
  readonly lifetime: Lifetime;
  readonly configHash: string;
}

/**
 * A persistent container of this app with the same configuration is reused; one with another
 * configuration, or a session container whose AppHost is gone, is replaced. Anything else is not
 * bosun's to touch: a running session of this AppHost, or a container of someone else.
 */
export function judgeNameHolder(options: JudgeNameHolderOptions): NameHolderVerdict {
  const { holder, resource } = options;
  const fix = `remove it with \`docker rm -f ${holder.name}\` or give '${resource}' another name with .withContainerName(…)`;
  if (holder.labels[LABEL.app] !== options.appKey) {
    const owner = holder.labels[LABEL.app] === undefined ? "that bosun did not create" : `of another AppHost ('${holder.labels[LABEL.app]}')`;
    return refuse(`resource '${resource}': the container name '${holder.name}' is taken by a container ${owner} (image ${holder.image}, ${holder.state}); ${fix}`);
  }
  if (isPersistent(holder.labels)) {
    const same = options.lifetime === "persistent" && holder.labels[LABEL.configHash] === options.configHash;
    return same ? { action: "reuse" } : { action: "replace", why: "its configuration changed" };
  }
  if (ownerIsGone(holder.labels, options)) return { action: "replace", why: "the run that created it has ended" };
  const pid = holder.labels[LABEL.pid] ?? "?";
  const where = holder.labels[LABEL.host] ?? "an unknown host";
  return refuse(
    `resource '${resource}': the container name '${holder.name}' is in use by another running session of this AppHost ` +
      `(process ${pid} on ${where}); stop that AppHost first, or ${fix}`,
  );
}

function refuse(message: string): NameHolderVerdict {
  return { action: "refuse", error: new BosunError(message, { code: "CONFIGURATION" }) };
}
