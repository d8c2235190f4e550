import type { LabelSelector, SelectorRequirement } from '../model/labels.js';

export type SelectorParse = { ok: true; selector: LabelSelector } | { ok: false; reason: string };

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

/** Splits on commas that are not inside parentheses. */
function terms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((t) => t.trim());
}

/**
 * Parses kubectl's `-l` notation: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`,
 * `!k`, joined by commas (AND).
 */
export function parseSelector(text: string): SelectorParse {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: SelectorRequirement[] = [];
  if (text.trim() === '') return { ok: false, reason: 'empty selector' };
  for (const term of terms(text)) {
    let m: RegExpExecArray | null;
    if ((m = /^(\S+?)\s*(==|=|!=)\s*(\S*)$/.exec(term))) {
      const [, key, op, value] = m as unknown as [string, string, string, string];
      if (!KEY.test(key)) return { ok: false, reason: `"${key}" is not a valid label key` };
      if (!VALUE.test(value)) return { ok: false, reason: `"${value}" is not a valid label value` };
      if (op === '!=') matchExpressions.push({ key, operator: 'NotIn', values: [value] });
      else if (matchLabels[key] !== undefined && matchLabels[key] !== value) matchExpressions.push({ key, operator: 'In', values: [value] });
      else matchLabels[key] = value;
    } else if ((m = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(term))) {
      const [, key, op, list] = m as unknown as [string, string, string, string];
      if (!KEY.test(key)) return { ok: false, reason: `"${key}" is not a valid label key` };
      const values = list.split(',').map((v) => v.trim());
      const bad = values.find((v) => !VALUE.test(v));
      if (bad !== undefined) return { ok: false, reason: `"${bad}" is not a valid label value` };
      matchExpressions.push({ key, operator: op === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = /^!\s*(\S+)$/.exec(term))) {
      if (!KEY.test(m[1]!)) return { ok: false, reason: `"${m[1]}" is not a valid label key` };
      matchExpressions.push({ key: m[1]!, operator: 'DoesNotExist', values: [] });
    } else if (KEY.test(term)) {
      matchExpressions.push({ key: term, operator: 'Exists', values: [] });
    } else {
      return { ok: false, reason: `cannot read "${term}" (expected key=value, key!=value, key in (a,b), key notin (a,b), key or !key)` };
    }
  }
  return { ok: true, selector: { matchLabels, matchExpressions } };
}

/** Whether a typed name looks like a selector rather than a name. */
export function looksLikeSelector(text: string): boolean {
  return /[=!]|\s(in|notin)\s*\(/.test(text);
}
