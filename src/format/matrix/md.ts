import { escapeMarkdown } from '../../text/escape/markdown.js';
import { walkOf, type Connectivity, type ConnectivityWalk } from '../../engine/connectivity.js';
import { joinChunks, type Chunks } from './chunks.js';
import { pairLineChunks, type PairLines } from './pair-lines.js';

/** A Markdown table, one row per pair; `_none_` when there is none. */
const MD: PairLines = {
  escape: escapeMarkdown,
  head: ['| src | dst | connections |\n|-----|-----|-------------|\n'],
  start: (src) => `| ${src} | `,
  line: (start, dst, text) => `${start}${dst} | ${text} |\n`,
  none: '| _none_ | | |\n',
};

/** The Markdown table in chunks of about 64 KiB. */
export const mdChunks = (c: ConnectivityWalk): Chunks => pairLineChunks(c, MD);

/** A Markdown table, one row per allowed pair. */
export function formatMd(c: Connectivity): string {
  return joinChunks(mdChunks(walkOf(c)));
}
