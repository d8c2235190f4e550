/**
 * go-yaml v2's parseTimestamp (resolve.go): four digits and a '-', then one of its layouts as
 * Go 1.19's time.Parse reads them — "2006-1-2T15:4:5.999999999Z07:00" (and with 't'),
 * "2006-1-2 15:4:5.999999999", "2006-1-2". Only whether it parses matters here: go-yaml keeps a
 * timestamp's text as a string, but refuses a `!!timestamp` that does not parse.
 */
type Chunk = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'fraction' | 'zone' | { literal: string };

const DATE: Chunk[] = ['year', { literal: '-' }, 'month', { literal: '-' }, 'day'];
const TIME: Chunk[] = ['hour', { literal: ':' }, 'minute', { literal: ':' }, 'second', 'fraction'];
const LAYOUTS: Chunk[][] = [
  [...DATE, { literal: 'T' }, ...TIME, 'zone'],
  [...DATE, { literal: 't' }, ...TIME, 'zone'],
  [...DATE, { literal: ' ' }, ...TIME],
  DATE,
];

export function isGoTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  return LAYOUTS.some((layout) => parses(layout, s));
}

const isDigit = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** time's getnum(s, false): one or two digits. */
function getnum(s: string): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** time's atoi: an optional sign and digits (none is 0), nothing else. */
function atoi(s: string): number | undefined {
  const m = /^[-+]?([0-9]*)$/.exec(s);
  return m ? Number(m[1] || '0') : undefined;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parses(layout: Chunk[], input: string): boolean {
  let value = input;
  let year = 0;
  let month = -1;
  let day = -1;
  for (const chunk of layout) {
    if (typeof chunk === 'object') {
      const rest = skipLiteral(value, chunk.literal);
      if (rest === undefined) return false;
      value = rest;
      continue;
    }
    switch (chunk) {
      case 'year': {
        if (value.length < 4 || !isDigit(value, 0)) return false;
        const y = atoi(value.slice(0, 4));
        if (y === undefined) return false;
        year = y;
        value = value.slice(4);
        break;
      }
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second': {
        const got = getnum(value);
        if (!got) return false;
        const [n, rest] = got;
        const limit = { month: 13, day: 100, hour: 24, minute: 60, second: 60 }[chunk];
        if (n >= limit || (chunk === 'month' && n <= 0)) return false;
        if (chunk === 'month') month = n;
        if (chunk === 'day') day = n;
        value = rest;
        break;
      }
      case 'fraction': {
        if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigit(value, 1)) break;
        let i = 0;
        while (i < 9 && isDigit(value, i + 1)) i++;
        value = value.slice(1 + i);
        break;
      }
      case 'zone': {
        if (value.startsWith('Z')) {
          value = value.slice(1);
          break;
        }
        if (value.length < 6 || value[3] !== ':') return false;
        if (atoi(value.slice(1, 3)) === undefined || atoi(value.slice(4, 6)) === undefined) return false;
        if (value[0] !== '+' && value[0] !== '-') return false;
        value = value.slice(6);
        break;
      }
    }
  }
  if (value.length > 0) return false;
  return day >= 1 && day <= daysIn(month, year);
}

/** time's skip: a literal; a space matches one or more spaces (or the end). */
function skipLiteral(value: string, literal: string): string | undefined {
  if (literal === ' ') {
    if (value.length > 0 && value[0] !== ' ') return undefined;
    return value.replace(/^ +/, '');
  }
  return value.startsWith(literal) ? value.slice(literal.length) : undefined;
}
