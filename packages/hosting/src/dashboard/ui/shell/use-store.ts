import { useEffect, useState } from "preact/hooks";
import type { AppState, Store } from "./store.js";

/** The store's state, re-rendering the component on every change. */
export function useAppState(store: Store): AppState {
  const [state, setState] = useState(store.state);
  useEffect(() => {
    setState(store.state);
    return store.subscribe(() => setState(store.state));
  }, [store]);
  return state;
}
