import type { LabelFilter } from "./label-filter.js";

export interface NetworkInfo {
  readonly id: string;
  readonly name: string;
  readonly driver: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Attached containers; filled in by `inspect`, empty in `list`. */
  readonly containers: readonly { readonly id: string; readonly name: string }[];
}

export interface NetworkSpec {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Networks on one engine. Removing a network that is already gone is not an error. */
export interface NetworkClient {
  /** Creates a bridge network; returns its id. */
  create(spec: NetworkSpec): Promise<string>;
  remove(idOrName: string): Promise<void>;
  list(options: { readonly labels: LabelFilter }): Promise<NetworkInfo[]>;
  /** Undefined when no such network exists. */
  inspect(idOrName: string): Promise<NetworkInfo | undefined>;
  /** Attaches a container (running or not) under DNS aliases; already attached is not an error. */
  connect(network: string, container: string, aliases: readonly string[]): Promise<void>;
  /** Detaches a container; not attached, or either one gone, is not an error. */
  disconnect(network: string, container: string): Promise<void>;
}
