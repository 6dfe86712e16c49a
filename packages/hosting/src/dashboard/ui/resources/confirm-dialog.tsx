import { useEffect, useRef } from "preact/hooks";
import type { CommandRequest } from "./command-buttons.js";

/** Asks before a stop or restart takes away what other resources depend on. */
export function ConfirmDialog({ request, onAnswer }: { readonly request: CommandRequest; readonly onAnswer: (confirmed: boolean) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const { resource, command } = request;
  return (
    <dialog ref={dialog} class="confirm" aria-label={`Confirm ${command} ${resource.name}`} onCancel={() => onAnswer(false)}>
      <p>
        {command === "stop" ? "Stop" : "Restart"} <strong>{resource.name}</strong>? {resource.dependents.join(", ")}{" "}
        {resource.dependents.length === 1 ? "depends" : "depend"} on it and will lose {command === "stop" ? "it until it is started again" : "it while it restarts"}.
      </p>
      <div class="dialog-buttons">
        <button type="button" onClick={() => onAnswer(false)}>
          Cancel
        </button>
        <button type="button" class="danger" onClick={() => onAnswer(true)}>
          {command === "stop" ? "Stop" : "Restart"} {resource.name}
        </button>
      </div>
    </dialog>
  );
}

/** Whether the command needs the confirmation: it stops a resource others depend on. */
export function needsConfirmation({ resource, command }: CommandRequest): boolean {
  return command !== "start" && resource.dependents.length > 0;
}
