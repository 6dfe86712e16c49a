/** An Aspire property-style getter: `await builder.appHostDirectory.get()`. */
export interface AspireProperty<T> {
  get(): Promise<T>;
}

/** A property whose value is known now. */
export function property<T>(read: () => T): AspireProperty<T> {
  return { get: async () => read() };
}
