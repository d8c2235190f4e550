import { escapeMarkdown } from '../../text/escape/markdown.js';
import { walkOf, type Connectivity, type ConnectivityWalk } from '../../engine/connectivity.js';
import { joinChunks, markGuarded, type Chunks } from './chunks.js';
import { pairLineChunks, type PairLines } from './pair-lines.js';

/** A Markdown table, one row per pair; `_none_` when there is none. */
const MD: PairLines = {
  escape: escapeMarkdown,
  head: ['| src | dst | connections |\n|-----|-----|-------------|\n'],
  start: (src) => `| ${src} | `,
  between: ' | ',
  end: ' |\n',
  none: '| _none_ | | |\n',
};

/**
 * The Markdown table in chunks of about 64 KiB; every line as `sanitizeTerminalText` leaves it:
 * each value is escaped (no control character), and every line starts with `|`, which no workflow
 * command does.
 */
export const mdChunks = (c: ConnectivityWalk): Chunks => markGuarded(pairLineChunks(c, MD));

/** A Markdown table, one row per allowed pair. */
export function formatMd(c: Connectivity): string {
  return joinChunks(mdChunks(walkOf(c)));
}
