import { styled, type Style } from './colour.js';

/**
 * Painters for text answers, applied after the terminal guard (emit): the text they see has no
 * escape sequence from the input left, and they add their own only at places the formatters
 * fill with fixed words (a verdict, a severity, a ✓ or ✗ mark), never inside a name.
 */
export type Painter = (text: string) => string;

const VERDICT: Record<string, Style> = { yes: 'green', no: 'red', undetermined: 'yellow', PASS: 'green', FAIL: 'red', UNDETERMINED: 'yellow' };
const MARK: Record<string, Style> = { '✓': 'green', '✗': 'red', '?': 'yellow' };
const SEVERITY: Record<string, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

function lines(text: string, paint: (line: string, index: number) => string): string {
  return text
    .split('\n')
    .map((l, i) => paint(l, i))
    .join('\n');
}

/** can: the verdict that starts an answer line (yes: / no: / undetermined …), and each pair's ✓ ✗ ? mark. */
export const paintCan: Painter = (text) =>
  lines(text, (line) =>
    line
      .replace(/^(yes|no|undetermined)(?=[: ])/, (w) => styled(VERDICT[w]!, w))
      .replace(/^( {4,})([✓✗?])(?= )/, (_, pad: string, m: string) => pad + styled(MARK[m]!, m)),
  );

/** verify: PASS, FAIL or UNDETERMINED at the start of each expectation's line. */
export const paintVerify: Painter = (text) => lines(text, (line) => line.replace(/^(PASS|FAIL|UNDETERMINED)(?=[ (])/, (w) => styled(VERDICT[w]!, w)));

/** lint: the severity after a finding's position (`file:3:7: warning: …`). */
export const paintLint: Painter = (text) => lines(text, (line) => line.replace(/: (error|warning|info)(?=: )/, (_, s: string) => `: ${styled(SEVERITY[s]!, s)}`));
