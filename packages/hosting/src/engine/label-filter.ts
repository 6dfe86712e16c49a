/** Labels to match: a string matches `key=value`, `true` matches any value of `key`. */
export type LabelFilter = Readonly<Record<string, string | true>>;

/** The engine API's `label` filter values for a LabelFilter. */
export function toLabelFilterValues(labels: LabelFilter): string[] {
  return Object.entries(labels).map(([key, value]) => (value === true ? key : `${key}=${value}`));
}
