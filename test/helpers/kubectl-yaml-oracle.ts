import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

/**
 * The real Go code kubectl runs on a YAML document: sigs.k8s.io/yaml.YAMLToJSON (go-yaml v2
 * underneath), built from test/oracle/yaml-to-json against Debian's golang-k8s-sigs-yaml-dev. A
 * test oracle only: nothing in src/ uses it. CI installs go and the sources (.ci/run).
 */
/**
 * `collides`: two distinct keys of one mapping (1 and 1.0, 1 and "1") became this one JSON key;
 * YAMLToJSON then keeps whichever value Go's random map order puts last (even an error, when
 * one of them cannot be written as JSON), so kubectl's answer for that document is not fixed.
 */
export type OracleAnswer = ({ json: unknown } | { error: string }) & { collides?: string };
export type Oracle = (docs: string[]) => OracleAnswer[];

const GOPATH = '/usr/share/gocode';
const SOURCE = join(ROOT, 'test', 'oracle', 'yaml-to-json');
const CACHE = join(ROOT, 'node_modules', '.cache', 'netpol-check');

/** Why the oracle cannot be built here (go or sigs.k8s.io/yaml missing), or undefined when it can. */
export function oracleMissing(): string | undefined {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) return 'go is not installed (Debian: golang-go)';
  if (!existsSync(join(GOPATH, 'src', 'sigs.k8s.io', 'yaml', 'yaml.go'))) {
    return `${GOPATH}/src/sigs.k8s.io/yaml is missing (Debian: golang-k8s-sigs-yaml-dev)`;
  }
  return undefined;
}

let built: string | undefined;

/** Builds the oracle once (cached by the hash of its source and the go version) and returns its path. */
function build(): string {
  if (built) return built;
  const missing = oracleMissing();
  if (missing) throw new Error(`the kubectl YAML oracle cannot be built: ${missing}; .ci/run installs both`);
  const goVersion = spawnSync('go', ['version'], { encoding: 'utf8' }).stdout.trim();
  const hash = createHash('sha256').update(readFileSync(join(SOURCE, 'main.go'))).update(goVersion).digest('hex').slice(0, 16);
  const binary = join(CACHE, `yaml-to-json-${hash}`);
  if (!existsSync(binary)) {
    mkdirSync(CACHE, { recursive: true });
    const partial = `${binary}.${process.pid}.tmp`;
    const r = spawnSync('go', ['build', '-o', partial, '.'], {
      cwd: SOURCE,
      encoding: 'utf8',
      env: { ...process.env, GO111MODULE: 'off', GOPATH, GOFLAGS: '', GOCACHE: process.env.GOCACHE ?? join(CACHE, 'go-build') },
    });
    if (r.status !== 0) {
      rmSync(partial, { force: true });
      throw new Error(`building the kubectl YAML oracle failed:\n${r.stderr}${r.error ? String(r.error) : ''}`);
    }
    renameSync(partial, binary); // atomic: parallel test files never run a half-written binary
  }
  return (built = binary);
}

/** The oracle: one process per call, however many documents (each framed as length + UTF-8 bytes). */
export function kubectlYamlOracle(): Oracle {
  const binary = build();
  return (docs) => {
    if (docs.length === 0) return [];
    const parts: Buffer[] = [];
    for (const doc of docs) {
      const bytes = Buffer.from(doc, 'utf8');
      const frame = Buffer.alloc(4);
      frame.writeUInt32BE(bytes.length);
      parts.push(frame, bytes);
    }
    const r = spawnSync(binary, [], { input: Buffer.concat(parts), maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`the kubectl YAML oracle failed (status ${r.status}): ${r.stderr?.toString() ?? ''}${r.error ? String(r.error) : ''}`);
    const lines = r.stdout.toString('utf8').split('\n');
    lines.pop(); // after the last newline
    if (lines.length !== docs.length) throw new Error(`the kubectl YAML oracle answered ${lines.length} times for ${docs.length} documents`);
    return lines.map((line) => JSON.parse(line) as OracleAnswer);
  };
}

/** Go's unicode.IsSpace, which strings.TrimSpace uses (JS's trim differs on U+0085 and U+FEFF). */
function isGoSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);
}

/**
 * A file split into documents exactly as kubectl's reader does (k8s.io/apimachinery
 * pkg/util/yaml YAMLReader over LineReader):
 * - lines are read with bufio.ReadLine, which drops "\n" or "\r\n", and each gets "\n" back, so
 *   CR LF line ends reach YAMLToJSON as LF and the last line always ends with "\n";
 * - a line starting with "---" is a separator when what follows is only white space or starts
 *   with "#"; anything else after "---" ("--- a: 1", "----") makes the reader fail;
 * - a separator ends a document that has lines; one met with no lines yet (at the start, or right
 *   after another separator) is kept as the first line of the next document;
 * - the text left at the end is a document when it is not empty.
 */
export function splitKubectlDocuments(text: string): { docs: string[]; error?: string } {
  const docs: string[] = [];
  let buffer = '';
  let pos = 0;
  for (;;) {
    const eof = pos >= text.length;
    let line = '\n';
    if (!eof) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) {
        line = text.slice(pos) + '\n';
        pos = text.length;
      } else {
        let raw = text.slice(pos, nl);
        if (raw.endsWith('\r')) raw = raw.slice(0, -1);
        line = raw + '\n';
        pos = nl + 1;
      }
    }
    if (line.startsWith('---')) {
      let rest = line.slice(3);
      let a = 0;
      let b = rest.length;
      while (a < b && isGoSpace(rest[a]!)) a++;
      while (b > a && isGoSpace(rest[b - 1]!)) b--;
      rest = rest.slice(a, b);
      if (rest.length > 0 && rest[0] !== '#') return { docs, error: `invalid Yaml document separator: ${rest}` };
      if (buffer.length > 0) {
        docs.push(buffer);
        buffer = '';
        continue;
      }
      if (eof) return { docs };
    }
    if (eof) {
      if (buffer.length > 0) docs.push(buffer);
      return { docs };
    }
    buffer += line;
  }
}

/**
 * A stable text of a JSON value: keys sorted, -0 written 0, bigint as the number JSON.parse would
 * make. Iterative, so values nested 10,000 deep (go-yaml's limit) do not overflow the stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const todo: unknown[] = [value]; // values to write, and literal text as { text }
  while (todo.length > 0) {
    const v = todo.pop();
    if (v instanceof Literal) {
      out.push(v.text);
      continue;
    }
    if (v === null) out.push('null');
    else if (typeof v === 'number') out.push(Object.is(v, -0) ? '0' : JSON.stringify(v));
    else if (typeof v === 'bigint') out.push(JSON.stringify(Number(v)));
    else if (typeof v === 'string' || typeof v === 'boolean') out.push(JSON.stringify(v));
    else if (typeof v === 'object') {
      const parts: unknown[] = [];
      if (Array.isArray(v)) {
        parts.push(new Literal('['));
        v.forEach((item, i) => parts.push(...(i > 0 ? [new Literal(',')] : []), item));
        parts.push(new Literal(']'));
      } else {
        parts.push(new Literal('{'));
        Object.keys(v)
          .sort()
          .forEach((k, i) => parts.push(new Literal(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`), (v as Record<string, unknown>)[k]));
        parts.push(new Literal('}'));
      }
      for (let i = parts.length - 1; i >= 0; i--) todo.push(parts[i]);
    } else out.push(`<${typeof v}>`);
  }
  return out.join('');
}

class Literal {
  constructor(readonly text: string) {}
}

// ---------------------------------------------------------------------------------------------
// Comparing a decoder with the oracle

/** What a decoder under test says: a value, or a refusal. */
export type Verdict = { ok: true; value: unknown } | { ok: false; error: string };
export type Decoder = (doc: string) => Verdict;

export type DifferenceKind = 'only Go refuses' | 'only we refuse' | 'values differ';
/** `where`: for values that differ, the first place they do (path, both values there). */
export type Difference = { kind: DifferenceKind; doc: string; ours: string; go: string; where?: string; signature: string };

function describeOurs(v: Verdict): string {
  return v.ok ? canonicalJson(v.value) : `error: ${v.error}`;
}

function describeGo(a: OracleAnswer): string {
  return 'error' in a ? `error: ${a.error}` : canonicalJson(a.json);
}

function typeOf(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string') return v.includes('\n') ? 'text' : v === '' ? 'empty string' : 'string';
  if (typeof v === 'boolean') return String(v);
  return typeof v === 'object' ? 'mapping' : typeof v;
}

/** The first place two JSON values differ: its path and the two values found there. */
export function firstDifference(ours: unknown, go: unknown, path = ''): { path: string; ours: unknown; go: unknown } | undefined {
  if (canonicalJson(ours) === canonicalJson(go)) return undefined;
  const bothLists = Array.isArray(ours) && Array.isArray(go);
  const bothMaps = !bothLists && typeOf(ours) === 'mapping' && typeOf(go) === 'mapping';
  if (bothLists && ours.length === go.length) {
    for (let i = 0; i < ours.length; i++) {
      const d = firstDifference(ours[i], go[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (bothMaps) {
    const a = ours as Record<string, unknown>;
    const b = go as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const d = firstDifference(Object.hasOwn(a, k) ? a[k] : undefined, Object.hasOwn(b, k) ? b[k] : undefined, `${path}.${k}`);
      if (d) return d;
    }
  }
  return { path: path || '(top)', ours, go };
}

function signatureOf(kind: DifferenceKind, ours: Verdict, go: OracleAnswer): string {
  const words = (m: string) => m.replace(/\d+/g, 'N').replace(/".*"|'.*'|`.*`/g, 'S').slice(0, 80);
  if (kind === 'only we refuse') return `${kind}: ${words(ours.ok ? '' : ours.error)}`;
  if (kind === 'only Go refuses') return `${kind}: ${words('error' in go ? go.error : '')}`;
  const d = firstDifference(ours.ok ? ours.value : undefined, 'json' in go ? go.json : undefined)!;
  return `${kind}: ours ${typeOf(d.ours)}, Go ${typeOf(d.go)}`;
}

function difference(kind: DifferenceKind, doc: string, ours: Verdict, go: OracleAnswer): Difference {
  const d: Difference = { kind, doc, ours: describeOurs(ours), go: describeGo(go), signature: signatureOf(kind, ours, go) };
  if (kind === 'values differ' && ours.ok && 'json' in go) {
    const at = firstDifference(ours.value, go.json)!;
    d.where = `at ${at.path}: ours ${at.ours === undefined ? 'nothing' : canonicalJson(at.ours)}, Go ${at.go === undefined ? 'nothing' : canonicalJson(at.go)}`;
  }
  return d;
}

/** How our verdict and Go's differ, if they do: both refusing (any messages) is agreement. */
export function differenceOf(ours: Verdict, go: OracleAnswer): DifferenceKind | undefined {
  if (go.collides !== undefined) return undefined; // no fixed answer to compare with
  const goRefuses = 'error' in go;
  if (!ours.ok) return goRefuses ? undefined : 'only we refuse';
  if (goRefuses) return 'only Go refuses';
  return canonicalJson(ours.value) === canonicalJson(go.json) ? undefined : 'values differ';
}

/** A decoder that never throws: a throw is a refusal whose message says so. */
export function guarded(decode: Decoder): Decoder {
  return (doc) => {
    try {
      return decode(doc);
    } catch (e) {
      return { ok: false, error: `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
    }
  };
}

/** `unsettled`: documents whose keys collide in Go (see OracleAnswer), left out of the comparison. */
export type Comparison = { compared: number; bothRefused: number; unsettled: number; differences: Difference[] };

/** Every document through our decoder and (in batches, one process each) through the oracle. */
export function compareAll(decode: Decoder, oracle: Oracle, docs: string[], batch = 5000): Comparison {
  const safe = guarded(decode);
  const result: Comparison = { compared: 0, bothRefused: 0, unsettled: 0, differences: [] };
  for (let start = 0; start < docs.length; start += batch) {
    const chunk = docs.slice(start, start + batch);
    const answers = oracle(chunk);
    chunk.forEach((doc, i) => {
      const go = answers[i]!;
      if (go.collides !== undefined) {
        result.unsettled++;
        return;
      }
      const ours = safe(doc);
      result.compared++;
      const kind = differenceOf(ours, go);
      if (kind) result.differences.push(difference(kind, doc, ours, go));
      else if (!ours.ok) result.bothRefused++;
    });
  }
  return result;
}

/**
 * A smaller document that differs the same way (same kind, same message or types): whole lines
 * dropped first, then single characters, each round one oracle call for all candidates, within a
 * time budget.
 */
export function minimize(decode: Decoder, oracle: Oracle, found: Difference, budgetMs = 4000): Difference {
  const safe = guarded(decode);
  const until = Date.now() + budgetMs;
  let best = found;
  const firstStillDiffering = (candidates: string[]): Difference | undefined => {
    const unique = [...new Set(candidates)].filter((c) => c !== best.doc);
    if (unique.length === 0) return undefined;
    const answers = oracle(unique);
    for (let i = 0; i < unique.length; i++) {
      const ours = safe(unique[i]!);
      const kind = differenceOf(ours, answers[i]!);
      if (kind === found.kind && signatureOf(kind, ours, answers[i]!) === found.signature) return difference(kind, unique[i]!, ours, answers[i]!);
    }
    return undefined;
  };
  for (const unit of ['lines', 'chars'] as const) {
    for (let progress = true; progress && Date.now() < until; ) {
      progress = false;
      const parts = unit === 'lines' ? best.doc.split(/(?<=\n)/) : Array.from(best.doc);
      const candidates: string[] = [];
      // larger cuts first (halves, quarters, ...), then single parts
      for (let size = Math.max(1, parts.length >> 1); size >= 1; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
        for (let at = 0; at + size <= parts.length; at += size) candidates.push([...parts.slice(0, at), ...parts.slice(at + size)].join(''));
        if (candidates.length > 4000) break;
      }
      const next = firstStillDiffering(candidates);
      if (next) {
        best = next;
        progress = true;
      }
    }
  }
  return best;
}

/** JSON text with everything outside printable ASCII escaped (NEL, LS, BOM, DEL and the like stay visible). */
export function visible(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A difference as a report block: the document (with its invisible characters shown), our value, Go's. */
export function showDifference(d: Difference): string {
  const lines = [`${d.signature}`, `  document: ${visible(JSON.stringify(d.doc))}`, `  ours:     ${visible(d.ours)}`, `  Go:       ${visible(d.go)}`];
  if (d.where) lines.push(`  ${visible(d.where)}`);
  return lines.join('\n');
}
