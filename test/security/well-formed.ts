import { DOMParser } from '@xmldom/xmldom';

/** Checks shared by the injection tests and the fuzz test: each throws with what is wrong. */

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/;

export function assertTerminalText(text: string, what: string): void {
  const bad = RAW_CONTROL.exec(text);
  if (bad) throw new Error(`${what}: raw control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(text.slice(Math.max(0, bad.index - 40), bad.index + 40))}`);
  const cmd = /^[ \t]*(::[A-Za-z][\w-]*( [^\n]*?)?::|##\[).*$/m.exec(text);
  if (cmd) throw new Error(`${what}: a line a CI runner would obey: ${JSON.stringify(cmd[0])}`);
}

export function assertWorkflowCommands(text: string, count: number, what: string): void {
  const lines = text.split('\n').filter(Boolean);
  if (lines.length !== count) throw new Error(`${what}: ${lines.length} lines for ${count} findings`);
  for (const l of lines) {
    if (!/^::(error|warning|notice) [^:]*::/.test(l)) throw new Error(`${what}: not a workflow command: ${JSON.stringify(l)}`);
    if (RAW_CONTROL.test(l)) throw new Error(`${what}: raw control character in ${JSON.stringify(l)}`);
  }
}

const OWN_HTML = /<\/?(details|summary)>|<br>/g;

export function assertMarkdown(text: string, what: string): void {
  assertTerminalText(text, what);
  const rest = text.replace(OWN_HTML, '').replace(/^> /gm, '');
  if (/[<>]/.test(rest)) throw new Error(`${what}: raw HTML: ${JSON.stringify(rest.slice(rest.search(/[<>]/) - 40, rest.search(/[<>]/) + 40))}`);
  if (/@(?!&#8203;)/.test(rest)) throw new Error(`${what}: an @mention`);
  if (/!\[|\]\(/.test(rest.replace(/\\!\\\[|!\\\[|\]\\\(/g, ''))) throw new Error(`${what}: an image or a link`);
  for (const row of text.split('\n').filter((l) => l.startsWith('|'))) {
    const cells = row.replace(/\\\|/g, '').split('|').length - 2;
    if (cells !== 3 && cells !== 4) throw new Error(`${what}: a table row with ${cells} cells: ${JSON.stringify(row)}`);
  }
}

/** RFC 4180 records: every one must have `columns` cells. */
export function assertCsv(text: string, columns: number, what: string): void {
  const records: string[][] = [];
  let cell = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), records.push(row), (row = []), (cell = '');
    else cell += c;
  }
  if (quoted) throw new Error(`${what}: an unterminated quoted cell`);
  for (const r of records) if (r.length !== columns) throw new Error(`${what}: a record with ${r.length} cells: ${JSON.stringify(r)}`);
  assertTerminalText(text, what);
}

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function assertXml(text: string, what: string): void {
  if (NOT_XML.test(text)) throw new Error(`${what}: a character XML 1.0 forbids`);
  const problems: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: (m: string) => void problems.push(m), fatalError: (m: string) => void problems.push(m) } }).parseFromString(text, 'text/xml');
  if (problems.length || !doc.documentElement) throw new Error(`${what}: not well-formed XML: ${problems.join('; ')}`);
}

export function assertJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what}: not JSON: ${(e as Error).message}`);
  }
}
