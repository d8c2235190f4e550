/** The explorer's screen split: rows of the body, widths of the list and the detail pane (borders included). */
export interface Layout {
  bodyHeight: number;
  leftWidth: number;
  rightWidth: number;
  width: number;
}

export function layout(width: number, height: number, hasNotice: boolean): Layout {
  const bodyHeight = Math.max(3, height - 5 - (hasNotice ? 1 : 0));
  const leftWidth = Math.max(24, Math.floor(width * 0.42));
  const rightWidth = Math.max(20, width - leftWidth);
  return { bodyHeight, leftWidth, rightWidth, width };
}

/**
 * The window of a scrolled text of `total` lines in `height` rows: when it does not fit, the last
 * row says where we are, so `shown` is one less.
 */
export function scrollWindow(total: number, height: number, scroll: number): { start: number; shown: number; more: boolean } {
  const more = total > height;
  const shown = more ? Math.max(1, height - 1) : height;
  const start = Math.max(0, Math.min(scroll, total - shown));
  return { start, shown, more };
}

/** The furthest a text of `total` lines scrolls in `height` rows. */
export function maxScroll(total: number, height: number): number {
  const { shown } = scrollWindow(total, height, 0);
  return Math.max(0, total - shown);
}
