import { formatClock } from "../shell/format.js";
import { parseAnsi, type AnsiSegment } from "./ansi.js";
import type { ClientLine } from "./log-buffer.js";

export interface LineOptions {
  readonly timestamps: boolean;
  /** Show the resource's name before the text (the interleaved view). */
  readonly resource: boolean;
  /** Height in text lines (wrapping); 1 when not wrapping. */
  readonly lines: number;
  readonly lineHeight: number;
}

/** The characters a line's text takes on screen (tabs are shown as four spaces). */
export function displayText(line: ClientLine): string {
  return line.text.includes("\t") ? line.text.replaceAll("\t", "    ") : line.text;
}

export function displayLength(line: ClientLine): number {
  return line.plain.length + (line.plain.split("\t").length - 1) * 3;
}

/** One row of the console: time, resource, and the text with its ANSI colours as classes or CSS colours. */
export function renderLine(line: ClientLine, options: LineOptions): HTMLElement {
  const row = document.createElement("div");
  row.className = `log-row ${line.stream}${line.marker ? ` marker-${line.marker}` : ""}`;
  row.dataset.seq = String(line.seq);
  if (line.stream === "stderr") row.title = "stderr";
  if (options.lines > 1) row.style.height = `${options.lines * options.lineHeight}px`;
  if (options.timestamps) row.append(span("time", formatClock(line.time)));
  if (options.resource) {
    const name = span("src", line.resource);
    name.title = line.resource;
    row.append(name);
  }
  const text = span("text", "");
  for (const segment of parseAnsi(displayText(line))) text.append(segmentNode(segment));
  row.append(text);
  return row;
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

function segmentNode(segment: AnsiSegment): Node {
  const styled = segment.fg !== undefined || segment.bg !== undefined || segment.bold || segment.dim || segment.italic || segment.underline;
  if (!styled) return document.createTextNode(segment.text);
  const element = document.createElement("span");
  element.textContent = segment.text;
  const classes: string[] = [];
  if (typeof segment.fg === "number") classes.push(`fg-${segment.fg}`);
  else if (segment.fg !== undefined) element.style.color = segment.fg;
  if (typeof segment.bg === "number") classes.push(`bg-${segment.bg}`);
  else if (segment.bg !== undefined) element.style.backgroundColor = segment.bg;
  if (segment.bold) classes.push("bold");
  if (segment.dim) classes.push("dim");
  if (segment.italic) classes.push("italic");
  if (segment.underline) classes.push("underline");
  element.className = classes.join(" ");
  return element;
}
