/** One run of text with the same ANSI graphic rendition. */
export interface AnsiSegment {
  readonly text: string;
  /** A palette index 0–15 (a CSS class) or a CSS colour (256-colour and true-colour codes). */
  readonly fg?: number | string;
  readonly bg?: number | string;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

type Style = Omit<AnsiSegment, "text">;

// CSI sequences (colours, cursor moves, erases) and OSC sequences (titles, hyperlinks).
const ESCAPES = /\u001b\[([0-9;]*)([A-Za-z])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]/g;

/** The text without any escape sequence: what the filter matches and copy/download write. */
export function stripAnsi(text: string): string {
  return text.includes("\u001b") ? text.replace(ESCAPES, "") : text;
}

/**
 * Splits a line into styled segments, reading SGR codes (`ESC[…m`: 16, 256 and true colours, bold,
 * dim, italic, underline, resets) and dropping every other escape sequence.
 * @example parseAnsi("\u001b[31merror\u001b[0m ok") // [{ text: "error", fg: 1 }, { text: " ok" }]
 */
export function parseAnsi(text: string): AnsiSegment[] {
  if (!text.includes("\u001b")) return text === "" ? [] : [{ text }];
  const segments: AnsiSegment[] = [];
  let style: Style = {};
  let last = 0;
  for (const match of text.matchAll(ESCAPES)) {
    if (match.index > last) segments.push({ ...style, text: text.slice(last, match.index) });
    last = match.index + match[0].length;
    if (match[2] === "m") style = applySgr(style, match[1] ?? "");
  }
  if (last < text.length) segments.push({ ...style, text: text.slice(last) });
  return segments;
}

function applySgr(current: Style, parameters: string): Style {
  const codes = parameters === "" ? [0] : parameters.split(";").map((code) => Number(code) || 0);
  let style: { -readonly [K in keyof Style]: Style[K] } = { ...current };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code === 0) style = {};
    else if (code === 1) style.bold = true;
    else if (code === 2) style.dim = true;
    else if (code === 3) style.italic = true;
    else if (code === 4) style.underline = true;
    else if (code === 22) style.bold = style.dim = undefined;
    else if (code === 23) style.italic = undefined;
    else if (code === 24) style.underline = undefined;
    else if (code >= 30 && code <= 37) style.fg = code - 30;
    else if (code >= 90 && code <= 97) style.fg = code - 90 + 8;
    else if (code === 39) style.fg = undefined;
    else if (code >= 40 && code <= 47) style.bg = code - 40;
    else if (code >= 100 && code <= 107) style.bg = code - 100 + 8;
    else if (code === 49) style.bg = undefined;
    else if (code === 38 || code === 48) {
      const [colour, used] = extendedColour(codes, i + 1);
      if (code === 38) style.fg = colour;
      else style.bg = colour;
      i += used;
    }
  }
  return style;
}

/** `5;N` (256 colours) or `2;R;G;B` after a 38/48; returns the colour and how many codes it used. */
function extendedColour(codes: readonly number[], at: number): [number | string | undefined, number] {
  if (codes[at] === 5) {
    const index = codes[at + 1] ?? 0;
    return [index < 16 ? index : palette256(index), 2];
  }
  if (codes[at] === 2) return [`rgb(${codes[at + 1] ?? 0}, ${codes[at + 2] ?? 0}, ${codes[at + 3] ?? 0})`, 4];
  return [undefined, 0];
}

function palette256(index: number): string {
  if (index >= 232) {
    const level = 8 + (index - 232) * 10;
    return `rgb(${level}, ${level}, ${level})`;
  }
  const cube = index - 16;
  const level = (n: number) => (n === 0 ? 0 : 55 + n * 40);
  return `rgb(${level(Math.floor(cube / 36))}, ${level(Math.floor(cube / 6) % 6)}, ${level(cube % 6)})`;
}
