import { refusalFor, refusalError } from "./refusals.js";

/**
 * What Aspire's generated `…Promise` classes are: awaitable, and callable before awaiting. Calling a
 * method on it calls the method on the value once it is there; when it already is (bosun builds
 * models synchronously), the call runs at once, so a mistake throws at the call itself.
 */
export type Chained<T> = PromiseLike<T> & {
  readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K];
};

/** Work started by a call whose arguments were still promises, in order; `build()` waits for what came before it. */
const pendingWork = new Map<Promise<unknown>, number>();
let sequence = 0;

interface State<T> {
  readonly promise: Promise<T>;
  readonly settled: boolean;
  readonly value?: T;
}

const STATES = new WeakMap<object, State<unknown>>();

/**
 * Wraps a value (or a promise of one) as an awaitable whose methods can be called before awaiting.
 * A promise is tracked for build() to wait for, unless it is build()'s own (`pending: false`).
 */
export function chained<T>(source: T | Promise<T>, { pending = true } = {}): Chained<T> {
  const state: State<T> =
    source instanceof Promise ? { promise: pending ? track(source.then(expose)) : source.then(expose), settled: false } : { promise: Promise.resolve(expose(source)), settled: true, value: source };
  const proxy = new Proxy(Object.create(null) as object, {
    get(_target, property) {
      if (property === "then") return (resolve?: (value: T) => unknown, reject?: (error: unknown) => unknown) => state.promise.then(resolve, reject);
      if (typeof property !== "string") return undefined;
      return (...args: unknown[]) => callLater(state, property, args);
    },
  });
  STATES.set(proxy, state);
  return proxy as Chained<T>;
}

const EXPOSED = new WeakMap<object, object>();

/**
 * What an awaited value is: the object itself, seen through a proxy that resolves promised
 * arguments before a call, and that refuses an Aspire API bosun does not have at the call, by name.
 */
export function expose<T>(value: T): T {
  if (typeof value !== "object" || value === null || STATES.has(value) || !isLayerObject(value)) return value;
  const known = EXPOSED.get(value);
  if (known) return known as T;
  const proxy = new Proxy(value, {
    get(target, property, receiver) {
      if (property === "then" || typeof property !== "string") return Reflect.get(target, property, receiver);
      const member = Reflect.get(target, property, receiver) as unknown;
      if (typeof member === "function") return (...args: unknown[]) => callLater({ promise: Promise.resolve(target), settled: true, value: target }, property, args);
      if (member !== undefined || property in target) return member;
      const refusal = refusalFor(property);
      if (refusal) throw refusalError(property, refusal);
      return undefined;
    },
  });
  EXPOSED.set(value, proxy);
  EXPOSED.set(proxy, proxy);
  return proxy as T;
}

/** Objects of this layer (not plain data, not bosun's own model objects) are exposed. */
function isLayerObject(value: object): boolean {
  return typeof (value as { aspireKind?: unknown }).aspireKind === "string";
}

function callLater<T>(state: State<T>, method: string, args: unknown[]): unknown {
  if (state.settled && args.every(isSettled)) return invoke(state.value, method, args.map(settledValue));
  const refusal = refusalFor(method);
  if (refusal && !(state.settled && hasMethod(state.value, method))) throw refusalError(method, refusal);
  return chained(
    (async () => {
      const value = await state.promise;
      const resolvedArgs = await Promise.all(args.map(resolveArgument));
      return await (invoke(value, method, resolvedArgs) as Promise<unknown>);
    })(),
  );
}

function invoke(value: unknown, method: string, args: unknown[]): unknown {
  const target = value as Record<string, unknown>;
  const refusal = hasMethod(value, method) ? undefined : refusalFor(method);
  if (refusal) throw refusalError(method, refusal);
  const fn = target[method];
  if (typeof fn !== "function") throw new TypeError(`${describe(value)} has no method '${method}'`);
  return (fn as (...a: unknown[]) => unknown).apply(target, args);
}

function hasMethod(value: unknown, method: string): boolean {
  return typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)[method] === "function";
}

function describe(value: unknown): string {
  return typeof value === "object" && value !== null ? `'${(value as { constructor: { name: string } }).constructor.name}'` : String(value);
}

function isSettled(value: unknown): boolean {
  const state = typeof value === "object" && value !== null ? STATES.get(value) : undefined;
  if (state) return state.settled;
  if (isThenable(value)) return false;
  if (isPlainObject(value)) return Object.values(value).every(isSettled);
  return true;
}

function settledValue(value: unknown): unknown {
  const state = typeof value === "object" && value !== null ? STATES.get(value) : undefined;
  if (state) return state.value;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, settledValue(item)]));
  return value;
}

async function resolveArgument(value: unknown): Promise<unknown> {
  if (isThenable(value)) return await value;
  if (isPlainObject(value)) {
    const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await resolveArgument(item)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function track<T>(promise: Promise<T>): Promise<T> {
  pendingWork.set(promise, sequence++);
  // A failure is reported by build(), or by whoever awaits the chain; not as an unhandled rejection.
  promise.then(
    () => pendingWork.delete(promise),
    () => undefined,
  );
  return promise;
}

/**
 * Waits for every call made so far that is still waiting on a promise (not for calls made later,
 * such as `.run()` chained on build() itself); rethrows the first failure among them.
 */
export async function settlePendingWork(): Promise<void> {
  const before = sequence;
  for (;;) {
    const batch = [...pendingWork].filter(([, at]) => at < before).map(([promise]) => promise);
    if (batch.length === 0) return;
    const results = await Promise.allSettled(batch);
    for (const promise of batch) pendingWork.delete(promise);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failure) throw failure.reason;
  }
}

/** Awaits an argument that may be a chained value, a promise or a plain value. */
export async function settle<T>(value: T | PromiseLike<T>): Promise<T> {
  return await value;
}

/** The value of an argument when it is already there (a plain value or a settled chain), else undefined. */
export function settledNow<T>(value: T | PromiseLike<T>): T | undefined {
  if (!isSettled(value)) return undefined;
  return settledValue(value) as T;
}
