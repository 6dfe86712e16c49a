// A plain Node reader of the dashboard's /api/stream: the bench's baseline (what reaches a client
// without a page to render it).

export interface StreamEvent {
  readonly event: string;
  readonly data: string;
  /** Epoch ms when the event was read. */
  readonly at: number;
}

/** Reads /api/stream with the session cookie, calling `onEvent` per event until `signal` aborts. */
export async function readStream(origin: string, cookie: string, onEvent: (event: StreamEvent) => void, signal: AbortSignal, since?: number): Promise<void> {
  const url = `${origin}/api/stream${since === undefined ? "" : `?since=${since}`}`;
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal });
  if (!response.ok || !response.body) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffered.indexOf("\n\n")) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const fields = block.split("\n");
        const event = fields.find((field) => field.startsWith("event: "))?.slice(7);
        const data = fields.filter((field) => field.startsWith("data: ")).map((field) => field.slice(6)).join("\n");
        if (event) onEvent({ event, data, at: Date.now() });
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/** POST /api/resources/NAME/COMMAND as the page would (same origin, session cookie). */
export async function sendCommand(origin: string, cookie: string, name: string, command: "start" | "stop" | "restart"): Promise<void> {
  const response = await fetch(`${origin}/api/resources/${name}/${command}`, { method: "POST", headers: { cookie, origin }, signal: AbortSignal.timeout(10_000) });
  if (response.status !== 202) throw new Error(`${command} ${name}: HTTP ${response.status} ${await response.text()}`);
}
