import type { ResourceCommand, ResourceView } from "../../protocol.js";

export interface CommandRequest {
  readonly resource: ResourceView;
  readonly command: ResourceCommand;
}

const LABELS: Record<ResourceCommand, string> = { start: "Start", stop: "Stop", restart: "Restart" };

/** Start / Stop / Restart, each enabled only when the resource's state allows it. */
export function CommandButtons({ resource, onCommand }: { readonly resource: ResourceView; readonly onCommand: (request: CommandRequest) => void }) {
  return (
    <span class="commands">
      {(["start", "stop", "restart"] as const).map((command) => (
        <button
          type="button"
          class={`command command-${command}`}
          disabled={!resource.commands[command]}
          aria-label={`${LABELS[command]} ${resource.name}`}
          title={`${LABELS[command]} ${resource.name}`}
          onClick={() => onCommand({ resource, command })}
        >
          {LABELS[command]}
        </button>
      ))}
    </span>
  );
}
