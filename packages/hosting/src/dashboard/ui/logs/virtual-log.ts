import type { LogBuffer, LogChange } from "./log-buffer.js";
import { LogViewModel, type LogQuery } from "./log-view-model.js";
import { displayLength, renderLine } from "./render-line.js";
import { RowLayout } from "./row-layout.js";

export interface ViewOptions extends LogQuery {
  readonly timestamps: boolean;
  readonly wrap: boolean;
  readonly follow: boolean;
}

/** Rows rendered above and below the visible ones, so a quick scroll shows no gap. */
const OVERSCAN = 30;
/** Nearer the bottom than this (px) counts as "at the end" for following. */
const BOTTOM_SLACK = 4;

/**
 * A console that keeps only the rows in view in the DOM (a few dozen, whatever the buffer holds):
 * a spacer gives the scroll height, and the visible window is redrawn at most once per frame.
 * Scrolling up pauses following; scrolling back to the end resumes it.
 */
export class VirtualLog {
  readonly #viewport: HTMLElement;
  readonly #spacer = document.createElement("div");
  readonly #rows = document.createElement("div");
  readonly #model: LogViewModel;
  readonly #layout = new RowLayout(false, 80);
  readonly #unsubscribe: () => void;
  #options: ViewOptions;
  #lineHeight = 18;
  #charWidth = 8;
  #frame = 0;
  #drawn = "";
  #expectedScrollTop = -1;

  constructor(
    viewport: HTMLElement,
    buffer: LogBuffer,
    options: ViewOptions,
    private readonly onFollowChange: (follow: boolean) => void,
  ) {
    this.#viewport = viewport;
    this.#options = options;
    this.#spacer.className = "log-spacer";
    this.#rows.className = "log-rows";
    this.#spacer.append(this.#rows);
    viewport.replaceChildren(this.#spacer);
    this.#model = new LogViewModel(buffer, options);
    this.#measure();
    this.#relayout();
    this.#unsubscribe = buffer.subscribe((change) => this.#onChange(change));
    viewport.addEventListener("scroll", this.#onScroll, { passive: true });
    addEventListener("resize", this.#onResize);
  }

  /** The text of the rows the view holds now (filter and clear applied), for copy and download. */
  text(): string {
    return this.#model.rows.map((line) => (this.#options.resource === undefined ? `[${line.resource}] ${line.plain}` : line.plain)).join("\n");
  }

  get rowCount(): number {
    return this.#model.rows.length;
  }

  update(options: ViewOptions): void {
    const previous = this.#options;
    this.#options = options;
    const queryChanged = previous.resource !== options.resource || previous.filter !== options.filter || previous.clearedThrough !== options.clearedThrough;
    if (queryChanged) this.#model.setQuery(options);
    if (queryChanged || previous.wrap !== options.wrap || previous.timestamps !== options.timestamps) {
      this.#measure();
      this.#relayout();
    }
    this.#schedule();
  }

  dispose(): void {
    cancelAnimationFrame(this.#frame);
    this.#unsubscribe();
    this.#viewport.removeEventListener("scroll", this.#onScroll);
    removeEventListener("resize", this.#onResize);
  }

  #onChange(change: LogChange): void {
    const anchor = this.#firstVisibleSeq();
    const before = this.#model.rows.length;
    if (this.#model.apply(change)) {
      this.#relayout();
      if (!this.#options.follow && anchor !== undefined) this.#keepInView(anchor);
    } else if (this.#model.rows.length > before) {
      this.#layout.append(this.#model.rows.slice(before).map(displayLength));
    }
    this.#schedule();
  }

  #relayout(): void {
    this.#layout.reset(this.#model.rows.map(displayLength), this.#options.wrap, this.#columns());
    this.#drawn = "";
  }

  #schedule(): void {
    if (this.#frame === 0) this.#frame = requestAnimationFrame(() => this.#draw());
  }

  #draw(): void {
    this.#frame = 0;
    const viewport = this.#viewport;
    this.#spacer.style.height = `${this.#layout.totalLines * this.#lineHeight}px`;
    // What the view holds, for tests and the bench (the DOM has only the rows in view).
    viewport.dataset.rows = String(this.#model.rows.length);
    viewport.dataset.lastSeq = String(this.#model.rows.at(-1)?.seq ?? 0);
    if (this.#options.follow) this.#scrollTo(viewport.scrollHeight - viewport.clientHeight);
    const firstLine = Math.floor(viewport.scrollTop / this.#lineHeight);
    const { start, end } = this.#layout.window(firstLine, Math.ceil(viewport.clientHeight / this.#lineHeight) + 1, OVERSCAN);
    const rows = this.#model.rows;
    const key = `${start}:${end}:${rows[start]?.seq}:${rows[end - 1]?.seq}`;
    if (key === this.#drawn) return;
    this.#drawn = key;
    this.#rows.style.transform = `translateY(${this.#layout.offsetOf(start) * this.#lineHeight}px)`;
    const showResource = this.#options.resource === undefined;
    const fragment = document.createDocumentFragment();
    for (let i = start; i < end; i++) {
      const line = rows[i]!;
      const lines = this.#layout.linesOf(displayLength(line));
      fragment.append(renderLine(line, { timestamps: this.#options.timestamps, resource: showResource, lines, lineHeight: this.#lineHeight }));
    }
    this.#rows.replaceChildren(fragment);
  }

  #scrollTo(top: number): void {
    const target = Math.max(0, Math.round(top));
    if (Math.abs(this.#viewport.scrollTop - target) < 1) return;
    this.#viewport.scrollTop = target;
    this.#expectedScrollTop = this.#viewport.scrollTop;
  }

  readonly #onScroll = (): void => {
    const viewport = this.#viewport;
    if (Math.abs(viewport.scrollTop - this.#expectedScrollTop) < 1) {
      this.#expectedScrollTop = -1;
    } else {
      const atEnd = viewport.scrollHeight - viewport.clientHeight - viewport.scrollTop <= BOTTOM_SLACK;
      if (atEnd !== this.#options.follow) this.onFollowChange(atEnd);
    }
    this.#schedule();
  };

  readonly #onResize = (): void => {
    this.#measure();
    if (this.#options.wrap) this.#relayout();
    this.#schedule();
  };

  #firstVisibleSeq(): number | undefined {
    const { start } = this.#layout.window(Math.floor(this.#viewport.scrollTop / this.#lineHeight), 0, 0);
    return this.#model.rows[start]?.seq;
  }

  /** After old rows dropped out, scrolls so the row that was on top stays on top. */
  #keepInView(seq: number): void {
    const rows = this.#model.rows;
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (rows[middle]!.seq < seq) low = middle + 1;
      else high = middle;
    }
    this.#spacer.style.height = `${this.#layout.totalLines * this.#lineHeight}px`;
    this.#scrollTo(this.#layout.offsetOf(low) * this.#lineHeight);
  }

  #measure(): void {
    const probe = document.createElement("span");
    probe.className = "log-probe";
    probe.textContent = "0".repeat(100);
    this.#rows.append(probe);
    const box = probe.getBoundingClientRect();
    if (box.width > 0) this.#charWidth = box.width / 100;
    if (box.height > 0) this.#lineHeight = box.height;
    probe.remove();
  }

  /** Characters of text per line when wrapping: the viewport's width less the time and name columns. */
  #columns(): number {
    const prefix = (this.#options.timestamps ? 13 : 0) + (this.#options.resource === undefined ? 17 : 0) + 4;
    return Math.max(10, Math.floor(this.#viewport.clientWidth / this.#charWidth) - prefix);
  }
}
