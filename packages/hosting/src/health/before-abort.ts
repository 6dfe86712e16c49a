/**
 * `work`, or a rejection ("timed out") as soon as `signal` aborts, even if the work ignores the
 * signal and never settles.
 * @example await beforeAbort(probe(context), deadline.signal)
 */
export function beforeAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error("timed out"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
