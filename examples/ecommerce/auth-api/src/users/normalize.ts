/** ASP.NET Identity's lookup normalisation (Unicode NFC, then upper case), so lookups ignore case. */
export function normalizeLookup(value: string): string {
  return value.normalize("NFC").toUpperCase();
}
