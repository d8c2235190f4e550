import { isGoTimestamp } from './go-yaml/timestamp.js';

/**
 * How kubectl reads a plain YAML scalar: sigs.k8s.io/yaml converts YAML to JSON with go-yaml v2,
 * whose resolver follows YAML 1.1 (resolve.go): `yes`/`no`/`on`/`off`/`y`/`n` are booleans,
 * `017620` is octal 8080, `0x1F` hex, `0o17` and `0b101` too, underscores are dropped before a
 * number is read (`1_000`, even `1__0`), `.inf`/`.nan` are floats (which the JSON conversion then
 * refuses), timestamps stay strings, anything else is a string. Written from the Go sources and
 * held to them by the differential test against the real program (test/load/kubectl-yaml.test.ts).
 */
export type GoScalar =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  /** Go `int` (int64 on the machines kubectl runs on). */
  | { kind: 'int'; value: bigint }
  /** Go `uint64`: above int64's range. */
  | { kind: 'uint'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string };

const NULL: GoScalar = { kind: 'null' };
const TRUE: GoScalar = { kind: 'bool', value: true };
const FALSE: GoScalar = { kind: 'bool', value: false };

/** go-yaml v2's resolveMap: the spellings read without parsing. */
const KNOWN = new Map<string, GoScalar>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) KNOWN.set(s, TRUE);
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) KNOWN.set(s, FALSE);
for (const s of ['', '~', 'null', 'Null', 'NULL']) KNOWN.set(s, NULL);
for (const s of ['.nan', '.NaN', '.NAN']) KNOWN.set(s, { kind: 'float', value: NaN });
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) KNOWN.set(s, { kind: 'float', value: Infinity });
for (const s of ['-.inf', '-.Inf', '-.INF']) KNOWN.set(s, { kind: 'float', value: -Infinity });

/** The first characters after which go-yaml tries anything but a string (resolveTable). */
const HINTED = new Set([...'+-0123456789yYnNtTfFoO~.'].map((c) => c.charCodeAt(0)));

/** yamlStyleFloat in resolve.go. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's strconv.ParseFloat accepts after a leading '.': digits with single underscores between them, an exponent. */
const DOT_FLOAT = /^\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Whether a plain scalar is read as anything but this very string (cheap test before resolvePlain). */
export function mayBeTyped(text: string): boolean {
  return text.length === 0 || HINTED.has(text.charCodeAt(0));
}

/**
 * Whether a plain scalar surely reads as this very string, answered without building a result:
 * a first character go-yaml never hints at, or a word (first character a letter or `~`) that is
 * not one of resolveMap's spellings. Most scalars of a dump are such words (names, labels).
 */
export function plainIsString(text: string): boolean {
  if (!mayBeTyped(text)) return true;
  const first = text.charCodeAt(0);
  const word = first === 126 /* ~ */ || (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  return word && !KNOWN.has(text);
}

/** go-yaml v2's resolve("", text) for a plain (unquoted, untagged) scalar. */
export function resolvePlain(text: string): GoScalar {
  if (!mayBeTyped(text)) return { kind: 'str', value: text };
  const known = KNOWN.get(text);
  if (known) return known;
  const first = text.charCodeAt(0);
  if (first === 46 /* . */) {
    if (DOT_FLOAT.test(text)) {
      const value = Number(text.replaceAll('_', ''));
      if (Number.isFinite(value)) return { kind: 'float', value };
    }
    return { kind: 'str', value: text };
  }
  if (first === 43 || first === 45 || (first >= 48 && first <= 57)) return resolveNumber(text);
  return { kind: 'str', value: text };
}

/** The 'D' and 'S' branch: a timestamp stays a string; else int, uint64, float, or string. */
function resolveNumber(text: string): GoScalar {
  const plain = text.replaceAll('_', '');
  const int = parseGoInt(plain);
  if (int !== undefined) {
    if (int >= INT64_MIN && int <= INT64_MAX) return { kind: 'int', value: int };
    if (int >= 0n && int <= UINT64_MAX && !/^[+-]/.test(plain)) return { kind: 'uint', value: int };
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = Number(plain);
    // Go's ParseFloat: out of range is an error (the text stays a string); underflow reads as 0.
    if (Number.isFinite(value)) return { kind: 'float', value };
  }
  return { kind: 'str', value: text };
}

/**
 * strconv.ParseInt(s, 0, …) without the range check: sign, then 0x/0o/0b prefixes, a leading 0
 * for octal, or decimal. Undefined when the syntax is not an integer's.
 */
function parseGoInt(s: string): bigint | undefined {
  let i = 0;
  let negative = false;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    i = 1;
  }
  let digits = s.slice(i);
  let radix = 10;
  if (digits.length >= 2 && digits[0] === '0') {
    const p = digits[1]!.toLowerCase();
    if (p === 'x' || p === 'o' || p === 'b') {
      radix = p === 'x' ? 16 : p === 'o' ? 8 : 2;
      digits = digits.slice(2);
    } else {
      radix = 8;
      digits = digits.slice(1);
    }
  }
  const valid = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 10 ? /^[0-9]+$/ : radix === 8 ? /^[0-7]+$/ : /^[01]+$/;
  if (!valid.test(digits)) return undefined;
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  const magnitude = BigInt(prefix + digits);
  return negative ? -magnitude : magnitude;
}

/** go-yaml v2's resolve with an explicit tag (`!!int "12"`), for the tags it resolves; throws as it fails. */
export function resolveTagged(tag: string, text: string): GoScalar {
  const short = tag.replace(/^tag:yaml\.org,2002:/, '!!');
  if (short === '!!str') return { kind: 'str', value: text };
  if (short === '!!binary') {
    const decoded = decodeBase64(text);
    if (decoded === undefined) throw new Error('!!binary value contains invalid base64 data');
    return { kind: 'str', value: decoded };
  }
  // Other tags (`!`, `!foo`, `!!merge`, `!!map`...) are not resolved: the text is a string.
  if (!['!!bool', '!!int', '!!float', '!!timestamp', '!!null'].includes(short)) return { kind: 'str', value: text };
  // A timestamp (only its tag reads it as one) stays its text.
  if (short === '!!timestamp' && isGoTimestamp(text)) return { kind: 'str', value: text };
  // The text is resolved as if plain; the result must be of the tag's type (an int may be a float).
  const resolved = resolvePlain(text);
  const got = resolved.kind === 'uint' ? 'int' : resolved.kind;
  if (short === `!!${got}`) return resolved;
  if (short === '!!float' && resolved.kind === 'int') return { kind: 'float', value: Number(resolved.value) };
  throw new Error(`cannot decode !!${isGoTimestamp(text) ? 'timestamp' : got} \`${text}\` as a ${short}`);
}

/**
 * Go's base64.StdEncoding (padded; line breaks skipped) → the bytes as Go's JSON writes a
 * string of them: valid UTF-8 as it is, each byte of an invalid sequence as U+FFFD. Undefined
 * when the text is not base64.
 */
function decodeBase64(text: string): string | undefined {
  const s = text.replace(/[\n\r]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return undefined;
  return goJsonString(Buffer.from(s, 'base64'));
}

/** utf8.DecodeRune's rule as encoding/json applies it: an invalid sequence costs one U+FFFD per byte. */
function goJsonString(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need === 0) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let code = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      // The second byte's range depends on the first (no overlongs, surrogates or > U+10FFFF).
      const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c === undefined || c < lo || c > hi) ok = false;
      else code = (code << 6) | (c & 0x3f);
    }
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(code);
    i += need + 1;
  }
  return out;
}

/** A resolved scalar as JSON would carry it; throws as json.Marshal does on ±Inf and NaN. */
export function jsonValue(s: GoScalar): unknown {
  switch (s.kind) {
    case 'null':
      return null;
    case 'bool':
    case 'str':
      return s.value;
    case 'int':
    case 'uint':
      return Number(s.value);
    case 'float':
      if (!Number.isFinite(s.value)) throw new Error(`json: unsupported value: ${Number.isNaN(s.value) ? 'NaN' : s.value > 0 ? '+Inf' : '-Inf'}`);
      return s.value;
  }
}

/**
 * The JSON object key a resolved YAML key becomes (sigs.k8s.io/yaml convertToJSONableObject):
 * strings as they are, ints in decimal, bools as true/false, floats as Go's
 * FormatFloat(f, 'g', -1, 32); null and uint64 keys are refused.
 */
export function jsonKey(s: GoScalar): string {
  switch (s.kind) {
    case 'str':
      return s.value;
    case 'int':
      return s.value.toString();
    case 'bool':
      return s.value ? 'true' : 'false';
    case 'float':
      return formatFloat32(s.value);
    default:
      throw new Error(`Unsupported map key of type: ${s.kind === 'null' ? '<nil>' : 'uint64'}`);
  }
}

/** strconv.FormatFloat(f, 'g', -1, 32), with go-yaml's names for the infinities and NaN. */
export function formatFloat32(f: number): string {
  const x = Math.fround(f);
  if (Number.isNaN(x)) return '.nan';
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  // The shortest decimal that reads back as the same float32.
  let digits = '';
  let exponent = 0;
  for (let p = 1; p <= 9; p++) {
    const e = Math.abs(x).toExponential(p - 1);
    if (Math.fround(Number(e)) === Math.abs(x) || p === 9) {
      const [mantissa, exp] = e.split('e') as [string, string];
      digits = mantissa.replace('.', '');
      exponent = Number(exp);
      break;
    }
  }
  digits = digits.replace(/0+$/, '') || '0';
  const sign = x < 0 ? '-' : '';
  // %e when the exponent is < -4 or >= 6 (the shortest form's precision for 'g'), else %f.
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}
