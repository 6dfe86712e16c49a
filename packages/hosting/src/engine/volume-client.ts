import type { LabelFilter } from "./label-filter.js";

export interface VolumeInfo {
  readonly name: string;
  readonly driver: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface VolumeSpec {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Named volumes on one engine. Removing a volume that is already gone is not an error. */
export interface VolumeClient {
  create(spec: VolumeSpec): Promise<VolumeInfo>;
  list(options: { readonly labels: LabelFilter }): Promise<VolumeInfo[]>;
  remove(name: string): Promise<void>;
  /** Undefined when no such volume exists. */
  inspect(name: string): Promise<VolumeInfo | undefined>;
}
