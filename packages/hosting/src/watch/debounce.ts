/** Collects changed paths and hands them over once none arrived for `quietMs`. */
export interface ChangeBatcher {
  add(changedPath: string): void;
  /** Drops what was collected and any pending hand-over. */
  cancel(): void;
}

/**
 * An editor's save is several events (write, rename, chmod) within milliseconds; a formatter or
 * `git checkout` touches many files. They become one batch, delivered `quietMs` after the last one.
 * @example const batcher = batchChanges(150, (paths) => restart(paths[0]))
 */
export function batchChanges(quietMs: number, deliver: (paths: readonly string[]) => void): ChangeBatcher {
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  return {
    add(changedPath) {
      if (!pending.includes(changedPath)) pending.push(changedPath);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const paths = pending;
        pending = [];
        deliver(paths);
      }, quietMs);
    },
    cancel() {
      clearTimeout(timer);
      pending = [];
    },
  };
}
