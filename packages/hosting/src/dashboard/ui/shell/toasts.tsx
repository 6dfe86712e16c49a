import type { Store } from "./store.js";
import { useAppState } from "./use-store.js";

/** Outcomes of commands and other notices, newest last; each goes away after a few seconds. */
export function Toasts({ store }: { readonly store: Store }) {
  const { toasts } = useAppState(store);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} class={`toast toast-${toast.kind}`}>
          <span>{toast.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => store.dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
