/** One JSON line of the engine's pull stream. */
export interface PullEvent {
  readonly status?: string;
  readonly id?: string;
  readonly progressDetail?: { readonly current?: number; readonly total?: number };
  readonly error?: string;
  readonly errorDetail?: { readonly message?: string };
}

/** A pull's progress over all layers, ready to print with `formatPullProgress`. */
export interface PullProgress {
  readonly image: string;
  readonly layers: number;
  readonly layersDone: number;
  /** Bytes downloaded so far, over the layers whose size is known. */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The engine's latest status line, e.g. "Downloading" or "Status: Downloaded newer image for …". */
  readonly status: string;
}

interface LayerProgress {
  current: number;
  total: number;
  done: boolean;
}

const LAYER_DONE = new Set(["Pull complete", "Already exists"]);
const DOWNLOAD_DONE = new Set(["Download complete", "Verifying Checksum", "Extracting", ...LAYER_DONE]);

/** Folds the engine's per-layer pull events into one running total. */
export class PullProgressTracker {
  readonly #image: string;
  readonly #layers = new Map<string, LayerProgress>();
  #status = "waiting";

  constructor(image: string) {
    this.#image = image;
  }

  update(event: PullEvent): PullProgress {
    if (event.status !== undefined) this.#status = event.status;
    const layerEvent = event.id !== undefined && event.status !== undefined && !event.status.startsWith("Pulling from");
    if (layerEvent) this.#updateLayer(event.id as string, event);
    return this.current();
  }

  current(): PullProgress {
    let bytesDone = 0;
    let bytesTotal = 0;
    let layersDone = 0;
    for (const layer of this.#layers.values()) {
      bytesDone += layer.current;
      bytesTotal += layer.total;
      if (layer.done) layersDone += 1;
    }
    const layers = this.#layers.size;
    return { image: this.#image, layers, layersDone, bytesDone, bytesTotal, status: this.#status };
  }

  #updateLayer(id: string, event: PullEvent): void {
    const layer = this.#layers.get(id) ?? { current: 0, total: 0, done: false };
    this.#layers.set(id, layer);
    const status = event.status ?? "";
    const detail = event.progressDetail;
    if (status === "Downloading" && detail?.total !== undefined && detail.total > 0) {
      layer.total = detail.total;
      layer.current = Math.min(detail.current ?? 0, detail.total);
    } else if (DOWNLOAD_DONE.has(status)) {
      layer.current = layer.total;
    }
    if (LAYER_DONE.has(status)) layer.done = true;
  }
}

/** One printable line, e.g. `docker.io/library/postgres:17.6: 3/7 layers, 45.2/120.0 MB`. */
export function formatPullProgress(progress: PullProgress): string {
  const layers = `${progress.layersDone}/${progress.layers} layers`;
  const bytes = progress.bytesTotal > 0 ? `, ${megabytes(progress.bytesDone)}/${megabytes(progress.bytesTotal)} MB` : "";
  return `${progress.image}: ${layers}${bytes}`;
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
