import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../model/diagnostic.js';
import { parsePort } from '../query/target-spec.js';
import type { FlowLine } from './flows.js';

/** The fields of one CSV record (RFC 4180: commas inside double quotes, `""` for a quote), or what is wrong with it. */
export function csvFields(line: string): string[] | string {
  try {
    const records = parse(line, { trim: true, relax_column_count: true }) as string[][];
    return records[0] ?? [];
  } catch (e) {
    // csv-parse counts lines within the one line it was given: say what is wrong without its line.
    const code = (e as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is not closed';
    if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'text after a closing quote';
    return (e as Error).message.replace(/ at line \d+.*$/, '');
  }
}

/**
 * `src,dst,port/proto` per line, names as `netpol-check can` takes them (`shop/frontend`,
 * `app=web`, `10.0.0.0/8`); the port column may be empty (every port) or a name (`http`,
 * `dns/udp`). Blank lines, `#` comments and a `src,dst,…` header are skipped.
 */
export function parseFlowCsv(file: string, text: string): { lines: FlowLine[]; problems: Diagnostic[] } {
  const lines: FlowLine[] = [];
  const problems: Diagnostic[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const source = { file, doc: 0, line: i + 1, col: 1 };
    const bad = (message: string) => problems.push({ severity: 'error', code: 'bad-flow', message, source });
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    const fields = csvFields(raw);
    if (typeof fields === 'string') return bad(fields);
    if (lines.length === 0 && problems.length === 0 && fields[0]?.toLowerCase() === 'src') return; // the header
    if (fields.length < 2 || fields.length > 3) return bad(`expected src,dst,port/proto (2 or 3 fields), got ${fields.length}`);
    const [src, dst, portText] = fields as [string, string, string | undefined];
    if (!src || !dst) return bad('an empty source or destination');
    const line: FlowLine = { src, dst, source };
    if (portText) {
      const slash = portText.lastIndexOf('/');
      const port = parsePort(slash < 0 ? portText : portText.slice(0, slash), slash < 0 ? undefined : portText.slice(slash + 1));
      if (typeof port === 'string') return bad(port);
      line.port = port;
    }
    lines.push(line);
  });
  return { lines, problems };
}
