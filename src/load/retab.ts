/**
 * Tabs, as kubectl's YAML reader (go-yaml v2, a port of libyaml) takes them: whitespace inside
 * flow collections and in the continuation lines of quoted scalars; content inside block scalars
 * once their indentation is reached; after a value or a key's `:` on a line; but an error at the
 * start of a line in block context (blank lines too), right after a block `-` or `?`, and in a
 * block scalar's indentation. The yaml package refuses some of what Go accepts (tab-indented
 * lines inside flow collections and quoted scalars), so positions inside a document the careful
 * reader (go-yaml/, which decides tabs itself) has read are found in this normalised text.
 *
 * A small line scanner, not a YAML parser: it follows quotes, flow brackets, comments and block
 * scalars far enough to tell where a tab stands.
 */
export interface TabVerdict {
  /** Where Go's reader stops on a tab, and its message. */
  error?: { offset: number; message: string };
  /** The text with the tabs Go accepts in line indentation replaced by spaces (for the yaml package). */
  text: string;
  /** 1-based numbers of the lines whose indentation was replaced. */
  lines: number[];
}

const SPACE = 32;
const TAB = 9;

export function kubectlTabs(text: string): TabVerdict {
  if (!text.includes('\t')) return { text, lines: [] };
  const out: string[] = [];
  const changed: number[] = [];
  let flow = 0;
  let quote = 0;
  /** Indentation of the line that opened the flow collection or quoted scalar still open. */
  let openedAt = 0;
  let block: { parent: number; indent: number } | undefined;
  let offset = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const start = offset;
    offset += line.length + 1;
    let i = 0;
    while (i < line.length && (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB)) i++;
    const lead = line.slice(0, i);
    const blank = i === line.length || line[i] === '\r';
    const spaces = /^ */.exec(lead)![0].length;
    if (block) {
      const inside = blank || spaces > block.parent;
      if (inside) {
        if (block.indent < 0 && !blank) block.indent = spaces;
        const need = block.indent < 0 ? Infinity : block.indent;
        if (lead.length > spaces && spaces < need) return fail(start + spaces, 'found a tab character where an indentation space is expected');
        out.push(line);
        continue;
      }
      block = undefined;
    }
    if (lead.includes('\t')) {
      if (quote || flow > 0) {
        out.push(' '.repeat(openedAt + 1) + line.slice(i));
        changed.push(n + 1);
      } else {
        return fail(start + lead.indexOf('\t'), 'found a tab character that violates indentation');
      }
    } else out.push(line);
    // The rest of the line: quotes, brackets, comments, indicators, a block scalar header.
    let tokenStart = true;
    let indicatorsOnly = !quote && flow === 0;
    for (let j = i; j < line.length; j++) {
      const c = line[j]!;
      if (quote === 34) {
        if (c === '\\') j++;
        else if (c === '"') quote = 0;
        tokenStart = false;
        continue;
      }
      if (quote === 39) {
        if (c === "'" && line[j + 1] === "'") j++;
        else if (c === "'") quote = 0;
        tokenStart = false;
        continue;
      }
      if (c === ' ' || c === '\t') {
        if (c === '\t' && indicatorsOnly && j > i) return fail(start + j, 'found character that cannot start any token');
        tokenStart = true;
        continue;
      }
      if (c === '#' && tokenStart) break;
      if ((c === '"' || c === "'") && tokenStart) {
        quote = c.charCodeAt(0);
        if (flow === 0) openedAt = spaces;
        indicatorsOnly = false;
        continue;
      }
      if ((c === '-' || c === '?' || c === ':') && indicatorsOnly && (j + 1 === line.length || line[j + 1] === ' ' || line[j + 1] === '\t')) continue;
      indicatorsOnly = false;
      if ((c === '[' || c === '{') && (tokenStart || flow > 0)) {
        if (flow === 0) openedAt = spaces;
        flow++;
        tokenStart = true;
        continue;
      }
      if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        tokenStart = false;
        continue;
      }
      if (c === ',' && flow > 0) {
        tokenStart = true;
        continue;
      }
      if ((c === '|' || c === '>') && tokenStart && flow === 0 && /^[|>][-+0-9]*\s*(#.*)?\r?$/.test(line.slice(j))) {
        const explicit = /[1-9]/.exec(line.slice(j, j + 3))?.[0];
        const parent = keyColumn(line, i);
        block = { parent, indent: explicit ? Math.max(parent, 0) + Number(explicit) : -1 };
        break;
      }
      tokenStart = c === ':';
    }
  }
  return { text: out.join('\n'), lines: changed };

  function fail(at: number, message: string): TabVerdict {
    return { error: { offset: at, message }, text, lines: [] };
  }
}

/** The column of the node a block scalar header belongs to: past leading `- ` entries, the key's. */
function keyColumn(line: string, indent: number): number {
  let c = indent;
  let lastDash = -1;
  while (line[c] === '-' && (line[c + 1] === ' ' || line[c + 1] === '\t')) {
    lastDash = c;
    c++;
    while (line[c] === ' ' || line[c] === '\t') c++;
  }
  // `- |`: the scalar is the entry itself, its parent the sequence at the dash.
  if (line[c] === '|' || line[c] === '>') return lastDash >= 0 ? lastDash : indent - 1;
  return c;
}
