/** Secrets shorter than this are refused: masking them would mangle ordinary text. */
export const MIN_SECRET_LENGTH = 4;

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64URL = `${BASE64.slice(0, 62)}-_`;

/** Regular-expression sources for one secret; see secretForms. */
export interface SecretForms {
  /** As typed, percent-encoded or JSON-escaped. */
  readonly plain: string;
  /** Inside base64 or base64url text, at each of the three byte offsets. */
  readonly base64: readonly string[];
}

/**
 * The forms `secret` takes in output: as typed, percent-encoded (a URI, with either case of hex
 * digit, `+` for a space), JSON-escaped (once or nested, `\u` escapes included), and inside base64
 * or base64url text at any offset — so `Basic base64(user:pass)` is caught as well as the base64 of
 * the value alone. The characters of a base64 word around a match carry some of the secret's bits,
 * so whoever masks a base64 match should mask its whole word (see Redactor).
 * @example new RegExp(secretForms("s3cret-value").plain, "g")
 */
export function secretForms(secret: string): SecretForms {
  const bytes = Buffer.from(secret, "utf8");
  const base64 = [BASE64, BASE64URL].flatMap((alphabet) => [0, 1, 2].map((offset) => base64Core(bytes, offset, alphabet)));
  return { plain: [...secret].map(characterForms).join(""), base64 };
}

/** Whether `character` can be part of a base64 or base64url word (padding aside). */
export function isBase64Character(character: string): boolean {
  return BASE64.includes(character) || character === "-" || character === "_";
}

/** One character as typed, percent-encoded or JSON-escaped. */
function characterForms(character: string): string {
  const forms = [escapeRegExp(character)];
  const utf8 = [...Buffer.from(character, "utf8")];
  forms.push(utf8.map((byte) => `%${anyCaseHex(byte, 2)}`).join(""));
  if (character === " ") forms.push("\\+");
  const units = Array.from({ length: character.length }, (_, i) => character.charCodeAt(i));
  forms.push(units.map((unit) => `\\\\+u${anyCaseHex(unit, 4)}`).join(""));
  const short = JSON_SHORT_ESCAPES[character];
  if (short) forms.push(`\\\\+${escapeRegExp(short)}`);
  return `(?:${forms.join("|")})`;
}

const JSON_SHORT_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t" };

function anyCaseHex(value: number, width: number): string {
  return [...value.toString(16).padStart(width, "0")].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join("");
}

/**
 * The base64 characters that encode `bytes` when `offset` unknown bytes precede them: a character
 * all of whose bits are the secret's is itself, one that mixes in unknown bits is the class of
 * characters it can be, and the leading and trailing characters with no bit of the secret are left out.
 */
function base64Core(bytes: Buffer, offset: number, alphabet: string): string {
  const bits: (number | undefined)[] = Array.from({ length: offset * 8 }, () => undefined);
  for (const byte of bytes) for (let bit = 7; bit >= 0; bit--) bits.push((byte >> bit) & 1);
  while (bits.length % 6 !== 0) bits.push(undefined);
  const characters: string[] = [];
  for (let start = 0; start < bits.length; start += 6) characters.push(characterClass(bits.slice(start, start + 6), alphabet));
  return characters.filter((c) => c !== "").join("");
}

function characterClass(bits: readonly (number | undefined)[], alphabet: string): string {
  if (bits.every((bit) => bit === undefined)) return "";
  const fits = [...alphabet].filter((_, index) => bits.every((bit, i) => bit === undefined || ((index >> (5 - i)) & 1) === bit));
  return fits.length === 1 ? escapeRegExp(fits[0]!) : `[${escapeClass(fits.join(""))}]`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

function escapeClass(value: string): string {
  return value.replace(/[\]\\^-]/g, "\\$&");
}
