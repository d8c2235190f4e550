/**
 * Colour where a person reads: a terminal, never a pipe or a file, and never JSON, SARIF, CSV or
 * any format a program reads (only text answers are painted). NO_COLOR (any non-empty value,
 * https://no-color.org) turns it off; FORCE_COLOR turns it on even in a pipe (0 or false: off),
 * and wins over NO_COLOR, as in Node itself.
 */
export function colourWanted(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

const SGR = { red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], bold: [1, 22] } as const;
export type Style = keyof typeof SGR;

/** `text` wrapped in one ANSI style (SGR on … off), as util.styleText writes it. */
export function styled(style: Style, text: string): string {
  const [on, off] = SGR[style];
  return `\u001b[${on}m${text}\u001b[${off}m`;
}
