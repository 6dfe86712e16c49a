import type { LogLine, ResourceView, Snapshot } from "../../protocol.js";
import type { LogBuffer } from "../logs/log-buffer.js";
import type { Store } from "./store.js";

const RETRY_MS = 2_000;

/**
 * Follows /api/stream: a snapshot, then resource changes and log batches. EventSource reconnects by
 * itself and sends Last-Event-ID (the last log batch's seq), so the server resumes after it; the
 * buffer drops any line it already holds. When the server refused the stream (EventSource gives up),
 * or the connection dropped before its first log batch, a new one starts after the buffer's last
 * seq. A snapshot of a different run starts the logs over.
 */
export function followStream(store: Store, logs: LogBuffer): () => void {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  // Whether this connection has delivered a log batch since its snapshot: until it has, the browser's
  // Last-Event-ID is the snapshot's cursor, and resuming there would skip the lines replayed after it.
  let replayStarted = false;
  const open = () => {
    replayStarted = false;
    source = new EventSource(`/api/stream?since=${logs.lastSeq}`);
    source.addEventListener("snapshot", (event) => {
      const snapshot = JSON.parse(event.data) as Snapshot;
      const previous = store.state.app;
      const newRun = (previous !== undefined && previous.startedAt !== snapshot.app.startedAt) || snapshot.logCursor < logs.lastSeq;
      if (newRun || snapshot.retention !== logs.retention) logs.reset(snapshot.retention);
      store.setSnapshot(snapshot);
      // The browser would resume the new run's seq numbers after the old run's last one.
      if (newRun) {
        source?.close();
        open();
      }
    });
    source.addEventListener("resource", (event) => store.updateResource(JSON.parse(event.data) as ResourceView));
    source.addEventListener("logs", (event) => {
      replayStarted = true;
      logs.add(JSON.parse(event.data) as LogLine[]);
    });
    source.addEventListener("error", () => {
      if (stopped) return;
      if (source?.readyState === EventSource.CONNECTING && !replayStarted) {
        source.close();
        store.setConnection("reconnecting");
        retry = setTimeout(open, RETRY_MS / 2);
      } else if (source?.readyState === EventSource.CLOSED) {
        void signedIn().then((yes) => {
          store.setConnection(yes ? "reconnecting" : "signed-out");
          if (!stopped) retry = setTimeout(open, RETRY_MS);
        });
      } else {
        store.setConnection("reconnecting");
      }
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}

/** Whether the session cookie is still accepted (a 401 means the AppHost was restarted or the cookie is gone). */
async function signedIn(): Promise<boolean> {
  try {
    const response = await fetch("/api/logs?limit=1", { signal: AbortSignal.timeout(3_000) });
    return response.status !== 401;
  } catch {
    return true;
  }
}
