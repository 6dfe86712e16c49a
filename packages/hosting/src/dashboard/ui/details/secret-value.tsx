const MASK = "••••••••";

/** A value that shows dots until revealed; copy-paste of the masked text gives nothing secret. */
export function SecretValue({ value, secret, revealed }: { readonly value: string; readonly secret: boolean; readonly revealed: boolean }) {
  if (!secret || revealed) return <code class="value">{value}</code>;
  return (
    <code class="value masked" aria-label="masked value">
      {MASK}
    </code>
  );
}
