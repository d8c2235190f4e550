/**
 * Seeded generators of YAML documents for the differential test against kubectl's YAMLToJSON
 * (test/load/kubectl-yaml.test.ts): Kubernetes-shaped mappings and lists whose scalars, keys and
 * layout take the forms where YAML 1.1 (go-yaml v2) and other readers part ways, and small random
 * mutations of existing documents. Deterministic: the same seed gives the same documents.
 */

/** mulberry32: small, fast, and good enough to pick test cases. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Scalar forms

export const INTS = [
  '0', '1', '-1', '+1', '8080', '017620', '0o17', '0o8', '08', '09', '0777', '-017', '+017', '00', '-0', '+0', '0x1F', '-0x1f', '0X1F', '+0x1F',
  '0x_1F', '0x', '0b101', '-0b1', '0b_1', '0b2', '0b', '1_000', '1__0', '_1', '1_', '-1_0', '0_17', '9223372036854775807', '9223372036854775808',
  '-9223372036854775808', '-9223372036854775809', '18446744073709551615', '18446744073709551616', '99999999999999999999', '9007199254740993',
  '1:20', '190:20:30', '1,000', '0o', '0o_7', '0xFFFFFFFFFFFFFFFF', '0x10000000000000000', '-0x8000000000000000', '0b1111111111111111111111111111111111111111111111111111111111111111',
];
export const FLOATS = [
  '1.0', '1e3', '1E3', '1e+3', '1e-3', '.5', '-.5', '+.5', '1.', '-1.', '1e400', '-1e400', '-0.0', '0.0', '+0.0', '1.5e-3', '1_0.5', '6.8523015e+5',
  '685.230_15e+03', '1e', 'e3', '1.2.3', '.', '-.', '1.0e', '0x1p3', '.e3', '1e3_0', '0.1', '3.14159265358979', '1e20', '1e21', '1e-7', '123456789.123456789',
  '2.5e-324', '4.9e-324', '1.7976931348623157e308', '1.7976931348623159e308', '0.000001', '100000000000000000000000', '5e-1', '._5', '1._5', '0_0.0',
];
export const INF_NAN = ['.inf', '.Inf', '.INF', '.iNf', '-.inf', '+.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '.naN', 'inf', 'nan', 'NaN', 'Infinity', '-Infinity', '-.nan', '+.nan'];
export const BOOLS = [
  'yes', 'Yes', 'YES', 'yEs', 'no', 'No', 'NO', 'nO', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF', 'oFF', 'y', 'Y', 'n', 'N', 'true', 'True', 'TRUE', 'tRUE',
  'false', 'False', 'FALSE', 'fAlse', 't', 'f', 'yeS', 'ye', 'offf',
];
export const NULLS = ['~', 'null', 'Null', 'NULL', 'nULL', '', 'nuLL', '~~'];
export const TIMESTAMPS = [
  '2001-12-14t21:59:43.10-05:00', '2001-12-14', '2002-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.1Z', '2001-1-1', '2001-12-14 21:59:43.10 +05:00',
  '2001-12-14T21:59:43Z', '2001-13-14', '!!timestamp 2001-12-14', '!!timestamp 2001-12-14T21:59:43.10-05:00', '!!timestamp 2001-12-14 21:59:43.10 -5',
];
export const NUMBERISH_STRINGS = [
  '1.2.3.4', '10.0.0.0/8', '80/TCP', '"8080"', "'017620'", '0xZZ', '1e3x', '+', '-', '1 2', '12:30', 'v1', 'networking.k8s.io/v1', '"0x1F"', "'yes'", '"~"',
  '"null"', "''", '""', '8080a', '1-2', '0.0.0.0/0', '::1', 'fe80::/10', '-1-', '1e3.5', '+-1', '--1', '0x-1', '"1e400"', "'.inf'",
];
export const TAGGED = [
  '!!str 123', '!!str yes', '!!str', '!!int "123"', '!!int 017', '!!int 0x1F', '!!int 1.5', '!!float 1', '!!float "1.5"', '!!float .inf', '!!bool yes', '!!bool "true"',
  '!!null', '!!null ""', '!!null x', '!!binary aGVsbG8=', '!!binary "aGVs\\nbG8="', '!foo bar', '!<tag:yaml.org,2002:str> 12', '!!str ~', '!!seq []', '!!map {}', '! 12',
  '!!int 9223372036854775808', '!!float 1_0', '!!merge x', '!!str 0o17', '!!set {a, b}', '!!omap [a: 1]',
];
export const QUOTED = [
  '"a\\tb"', "'it''s'", '"\\u263A"', '"\\x41\\x7f"', '"\\U0001F600"', '"\\N\\_\\L\\P"', '"\\e\\0\\a\\b\\v\\f"', '"\\/"', '"\\z"', '"\\ud800"', '"\\uD83D\\uDE00"',
  '"a\\ b"', '"\\""', "'\\'", "'a\"b'", '"#not a comment"', "'  spaced  '", '"\\x"', '"\\u12"', '"tab\there"', '"\\\\"', '"\\r\\n"', "'# x'", '"\\x80"',
];
export const WORDS = [
  'web', 'db', 'frontend', 'api', 'TCP', 'UDP', 'SCTP', 'Ingress', 'Egress', 'default', 'kube-system', 'app.kubernetes.io/name', 'role', 'a b', 'x: y', 'a #b', 'a#b',
  'key:value', '<<', '=', '*', '&', '!', '%x', '@x', '`x', '|', '>', '? x', '- x', 'a, b', '[a]', '{a}', 'é', '日本', '\u00a0x', 'a\u0085b', 'x\u2028y', '__proto__',
  'constructor', 'hasOwnProperty', 'toString',
];
const PORTS = ['80', '443', '8080', '53', '"http"', 'http', '65535', '0', '-1'];

const SCALAR_POOLS = [INTS, FLOATS, INF_NAN, BOOLS, NULLS, TIMESTAMPS, NUMBERISH_STRINGS, TAGGED, QUOTED, WORDS];

/** Forms go-yaml or the JSON step refuses (or that end a flow collection early): only in risky documents. */
export const RISKY = new Set([
  ...INF_NAN.filter((f) => /^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(f)),
  '!!timestamp 2001-12-14 21:59:43.10 -5', '-', '::1', '!!int 1.5', '!!float .inf', '!!null x', '!!str', '!!null', '"\\/"', '"\\z"', '"\\ud800"',
  '"\\uD83D\\uDE00"', '"\\x"', '"\\u12"', 'x: y', '*', '&', '%x', '@x', '`x', '? x', '- x', 'a\u0085b', 'x\u2028y', 'a #b', '!', '|', '>',
  // keys
  '~', 'null', '9223372036854775808', '<<', '? complex', '!!null ~', '? [a, b]', '? {a: 1}', '[a]', '{a: 1}', '?',
]);

/** A scalar written as YAML on one line, in one of the forms above (risky: also those that fail). */
export function scalarForm(rng: Rng, risky = true): string {
  for (;;) {
    const form = rng.pick(rng.pick(SCALAR_POOLS));
    if (risky || !RISKY.has(form)) return form;
  }
}

export const ODD_KEYS = [
  'y', 'n', 'Y', 'N', 'yes', 'no', 'on', 'off', 'true', 'False', '1', '0', '-1', '017', '0x1F', '1.5', '1e3', '1e20', '3.14159265358979', '0.1', '-0.0', '.inf',
  '-.inf', '.nan', '~', 'null', '2001-12-14', '9223372036854775808', '18446744073709551616', '1_0', '"1"', "'y'", '"quoted key"', '"a\\tb"', '<<', '__proto__',
  '"__proto__"', 'constructor', '? complex', '!!str 1', '!!int "5"', '!!float 1', '!!null ~', '!!bool y', '? [a, b]', '? {a: 1}', '[a]', '{a: 1}', 'a b', 'é', '""',
  '-', '?', '1.0', '+1', '0o17', '1e400', '0b11', '123456789.123', '16777217', '1e-7',
];
const KEYS = ['name', 'namespace', 'app', 'role', 'tier', 'port', 'protocol', 'cidr', 'except', 'labels', 'annotations', 'matchLabels', 'key', 'operator', 'values', 'env', 'k'];

// ---------------------------------------------------------------------------------------------
// A document tree, written in block or flow style

type Scalar = { k: 'scalar'; text: string };
/** A scalar over several lines: the first after the key, the others indented below it. */
type Multi = { k: 'multi'; lines: string[] };
/** A literal or folded block scalar: header (|, >-, |+2, ...) and lines relative to the indentation. */
type BlockScalar = { k: 'block'; header: string; lines: string[] };
type Mapping = { k: 'map'; entries: [string, Node][]; prefix?: string; flow?: boolean; multiline?: boolean };
type Sequence = { k: 'seq'; items: Node[]; prefix?: string; flow?: boolean; multiline?: boolean };
type Node = Scalar | Multi | BlockScalar | Mapping | Sequence;

const ANCHOR_NAMES = ['a', 'b', 'base', 'x1', 'p', 'labels', 'a-b', 'a_b', 'A9'];
const RISKY_ANCHOR_NAMES = [...ANCHOR_NAMES, 'a.b', 'ä', 'a:b'];

class Gen {
  anchors: string[] = []; // anchors already written above the point being generated
  mapAnchors: string[] = []; // those of them on mappings (what a merge key takes)
  /** Risky documents also take the forms and layouts that go-yaml refuses; the others mostly decode. */
  constructor(readonly rng: Rng, readonly risky: boolean) {}

  anchorName(): string {
    return this.rng.pick(this.risky ? RISKY_ANCHOR_NAMES : ANCHOR_NAMES);
  }

  anchorPrefix(): string | undefined {
    return this.rng.chance(0.08) ? `&${this.anchorName()}` : undefined;
  }

  register(prefix: string | undefined, isMap = false): void {
    if (!prefix?.startsWith('&')) return;
    const name = prefix.slice(1).split(' ')[0]!;
    this.anchors.push(name);
    if (isMap) this.mapAnchors.push(name);
    else if (this.mapAnchors.includes(name)) this.mapAnchors = this.mapAnchors.filter((a) => a !== name); // redefined
  }

  /** An alias to an anchor above (risky: sometimes to one never defined). */
  alias(mapsOnly = false): string | undefined {
    const known = mapsOnly ? this.mapAnchors : this.anchors;
    if (this.risky && (known.length === 0 || this.rng.chance(0.1))) return `*${this.anchorName()}`;
    return known.length > 0 ? `*${this.rng.pick(known)}` : undefined;
  }

  scalar(kind: 'word' | 'port' | 'any' = 'any'): Node {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.05) {
      const alias = this.alias();
      if (alias) return { k: 'scalar', text: alias };
    }
    if (r < 0.1) return this.multi();
    if (r < 0.15) return this.block();
    let text = kind === 'port' && rng.chance(0.5) ? rng.pick(PORTS) : kind === 'word' && rng.chance(0.6) ? rng.pick(WORDS.slice(0, 12)) : scalarForm(rng, this.risky);
    if (rng.chance(0.05)) {
      const anchor = `&${this.anchorName()}`;
      this.register(anchor);
      text = text === '' ? anchor : `${anchor} ${text}`;
    }
    return { k: 'scalar', text };
  }

  multi(): Multi {
    const rng = this.rng;
    const vocabulary = this.risky ? ['a', 'b c', '1', 'yes', 'x:y', "it's", 'say "q"', '#h', '-', ' ', '\t', 'back\\slash', '- x', 'k: v'] : ['a', 'b c', '1', 'yes', 'x:y', "it's", 'say "q"', 'a#h', '~', '0x1F', 'back\\slash'];
    const words = () => Array.from({ length: 1 + rng.int(3) }, () => rng.pick(vocabulary)).join(' ');
    const n = 2 + rng.int(3);
    const lines = Array.from({ length: n }, (_, i) => (i > 0 && i < n - 1 && rng.chance(0.2) ? '' : words()));
    switch (rng.int(3)) {
      case 0: // plain: no quotes, no ': ' or ' #', no indicator first
        return { k: 'multi', lines: lines.map((l, i) => (i > 0 && l === '' ? '' : l.replace(/['"\\#:]/g, 'z').replace(/^[-\s]+/, '').trim() || 'w')) };
      case 1: {
        const quoted = lines.map((l) => l.replace(/'/g, "''"));
        quoted[0] = `'${quoted[0]}`;
        quoted[n - 1] = `${quoted[n - 1]}'`;
        return { k: 'multi', lines: quoted };
      }
      default: {
        const esc = lines.map((l) => l.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\t/g, () => rng.pick(['\t', '\\t'])));
        if (rng.chance(0.3)) esc[0] = `${esc[0]}${rng.pick(['\\x41', '\\u263A', '\\n', '\\ ', '\\_', '\\N', '\\e'])}`;
        if (rng.chance(0.3)) esc[0] = `${esc[0]}\\`; // escaped line break
        esc[0] = `"${esc[0]}`;
        esc[n - 1] = `${esc[n - 1]}"`;
        return { k: 'multi', lines: esc };
      }
    }
  }

  block(): BlockScalar {
    const rng = this.rng;
    const safeHeaders = ['|', '>', '|-', '>-', '|+', '>+', '|#c', '| # c', '>\t', '>- # c'];
    const header = rng.pick(this.risky ? [...safeHeaders, '|2', '>1-', '|-1', '|+2', '|0', '|10', '|-+', '|x', '>++'] : safeHeaders);
    const n = 1 + rng.int(4);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = rng.next();
      if (r < 0.15 && i > 0) lines.push(this.risky && rng.chance(0.3) ? '   ' : '');
      else if (r < 0.3 && (i > 0 || this.risky)) lines.push(`  ${rng.pick(['indented', '- item', 'x: 1'])}`);
      else if (r < 0.35 && (i > 0 || this.risky)) lines.push('\tTab');
      else lines.push(rng.pick(['text', 'a: b', '# not comment', 'yes', '"q"', 'line two', '---x', '...', 'trailing  ', "it's", 'a\tb']));
    }
    if (rng.chance(0.3)) lines.push('');
    return { k: 'block', header, lines };
  }

  mapping(depth: number, keys: readonly string[] = KEYS, shape?: (key: string, depth: number) => Node): Mapping {
    const rng = this.rng;
    const prefix = this.anchorPrefix();
    const entries: [string, Node][] = [];
    const n = rng.int(depth > 3 ? 3 : 5) + (depth > 3 ? 0 : 1);
    for (let i = 0; i < n; i++) {
      const r = rng.next();
      if (r < 0.06) {
        const merge = this.mergeValue(depth);
        if (merge) entries.push(['<<', merge]);
        continue;
      }
      let key: string;
      if (r < 0.2) key = this.oddKey();
      else if (r < 0.25 && entries.length > 0) key = rng.pick(entries)[0]; // duplicate
      else key = rng.pick(keys);
      entries.push([key, shape ? shape(key, depth + 1) : this.value(depth + 1)]);
    }
    const m: Mapping = { k: 'map', entries, flow: rng.chance(depth > 1 ? 0.15 : 0.05), multiline: rng.chance(0.3) };
    if (prefix) m.prefix = prefix;
    this.register(prefix, true);
    return m;
  }

  oddKey(): string {
    for (;;) {
      const key = this.rng.pick(ODD_KEYS);
      if (this.risky || !RISKY.has(key)) return key;
    }
  }

  /** What follows `<<:`: an alias, a list of aliases, a mapping (risky: also a scalar). */
  mergeValue(depth: number): Node | undefined {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.5) {
      const alias = this.alias(true);
      return alias ? { k: 'scalar', text: alias } : undefined;
    }
    if (r < 0.75) {
      const items: Node[] = [];
      for (let i = 1 + rng.int(3); i > 0; i--) {
        const alias = this.alias(true);
        if (alias) items.push({ k: 'scalar', text: alias });
      }
      return items.length > 0 ? { k: 'seq', items, flow: rng.chance(0.7) } : undefined;
    }
    if (r < 0.95 || !this.risky) return this.mapping(depth + 1);
    return this.scalar();
  }

  sequence(depth: number, item: (depth: number) => Node): Sequence {
    const rng = this.rng;
    const prefix = this.anchorPrefix();
    const items = Array.from({ length: rng.int(4) + (rng.chance(0.9) ? 1 : 0) }, () => item(depth + 1));
    const s: Sequence = { k: 'seq', items, flow: rng.chance(depth > 1 ? 0.2 : 0.05), multiline: rng.chance(0.3) };
    if (prefix) s.prefix = prefix;
    this.register(prefix);
    return s;
  }

  value(depth: number): Node {
    const r = this.rng.next();
    if (depth > 5 || r < 0.6) return this.scalar();
    if (r < 0.8) return this.mapping(depth);
    return this.sequence(depth, (d) => this.value(d));
  }

  labels(depth: number): Mapping {
    return this.mapping(depth, ['app', 'role', 'tier', 'env', 'app.kubernetes.io/name', 'team', 'version'], () => this.scalar('word'));
  }

  peer(depth: number): Node {
    const rng = this.rng;
    const entries: [string, Node][] = [];
    if (rng.chance(0.5)) entries.push(['podSelector', { k: 'map', entries: [['matchLabels', this.labels(depth + 2)]] }]);
    if (rng.chance(0.4)) entries.push(['namespaceSelector', rng.chance(0.3) ? { k: 'map', entries: [], flow: true } : { k: 'map', entries: [['matchLabels', this.labels(depth + 2)]] }]);
    if (rng.chance(0.3)) entries.push(['ipBlock', { k: 'map', entries: [['cidr', this.scalar('word')], ['except', this.sequence(depth + 2, () => this.scalar('word'))]] }]);
    if (entries.length === 0 || rng.chance(0.1)) return this.value(depth);
    return { k: 'map', entries, flow: rng.chance(0.1) };
  }

  rule(depth: number, dir: 'from' | 'to'): Node {
    const rng = this.rng;
    const entries: [string, Node][] = [];
    if (rng.chance(0.7)) entries.push([dir, this.sequence(depth + 1, (d) => this.peer(d))]);
    if (rng.chance(0.6)) {
      entries.push(['ports', this.sequence(depth + 1, (d) => ({ k: 'map', entries: [['protocol', this.scalar('word')], ['port', this.scalar('port')], ...(rng.chance(0.2) ? [['endPort', this.scalar('port')] as [string, Node]] : [])], flow: rng.chance(0.2 + d * 0.01) }))]);
    }
    if (rng.chance(0.2)) entries.push([this.oddKey(), this.value(depth + 1)]);
    const merge = rng.chance(0.1) ? this.mergeValue(depth) : undefined;
    if (merge) entries.splice(rng.int(entries.length + 1), 0, ['<<', merge]); // before or after the keys it may override
    return { k: 'map', entries, flow: rng.chance(0.05) };
  }

  resource(depth: number): Mapping {
    const rng = this.rng;
    const kind = rng.pick(['NetworkPolicy', 'NetworkPolicy', 'Pod', 'Namespace']);
    const meta: [string, Node][] = [['name', this.scalar('word')]];
    if (rng.chance(0.7)) meta.push(['namespace', this.scalar('word')]);
    if (rng.chance(0.7)) meta.push(['labels', this.labels(depth + 2)]);
    if (rng.chance(0.3)) meta.push(['annotations', this.mapping(depth + 2)]);
    const metaPrefix = this.anchorPrefix();
    const metadata: Mapping = { k: 'map', entries: meta, flow: rng.chance(0.05) };
    if (metaPrefix) metadata.prefix = metaPrefix;
    this.register(metaPrefix, true);
    const entries: [string, Node][] = [
      ['apiVersion', { k: 'scalar', text: kind === 'NetworkPolicy' ? 'networking.k8s.io/v1' : 'v1' }],
      ['kind', { k: 'scalar', text: kind }],
      ['metadata', metadata],
    ];
    if (kind === 'NetworkPolicy') {
      const spec: [string, Node][] = [['podSelector', rng.chance(0.3) ? { k: 'map', entries: [], flow: true } : { k: 'map', entries: [['matchLabels', this.labels(depth + 3)]] }]];
      if (rng.chance(0.7)) spec.push(['policyTypes', this.sequence(depth + 2, () => this.scalar('word'))]);
      if (rng.chance(0.7)) spec.push(['ingress', this.sequence(depth + 2, (d) => this.rule(d, 'from'))]);
      if (rng.chance(0.5)) spec.push(['egress', this.sequence(depth + 2, (d) => this.rule(d, 'to'))]);
      entries.push(['spec', { k: 'map', entries: spec }]);
    } else if (kind === 'Pod') {
      const container: Node = {
        k: 'map',
        entries: [
          ['name', this.scalar('word')],
          ['image', this.scalar('word')],
          ['ports', this.sequence(depth + 4, () => ({ k: 'map', entries: [['containerPort', this.scalar('port')], ['name', this.scalar('word')], ['protocol', this.scalar('word')]] }))],
        ],
      };
      entries.push(['spec', { k: 'map', entries: [['containers', { k: 'seq', items: [container] }], ['hostNetwork', this.scalar()]] }]);
    }
    if (rng.chance(0.15)) {
      // risky: anywhere, so an alias in it may come before its anchor
      const odd: [string, Node] = [this.oddKey(), this.value(depth + 1)];
      if (this.risky) entries.splice(rng.int(entries.length + 1), 0, odd);
      else entries.push(odd);
    }
    if (rng.chance(0.05)) entries.push([rng.pick(entries)[0], this.value(depth + 1)]); // duplicate key
    return { k: 'map', entries };
  }

  document(): Node {
    const r = this.rng.next();
    if (r < 0.75) return this.resource(0);
    if (r < 0.88) return { k: 'map', entries: [['apiVersion', { k: 'scalar', text: 'v1' }], ['kind', { k: 'scalar', text: 'List' }], ['items', this.sequence(0, (d) => this.resource(d))]] };
    if (r < 0.95) return this.value(0);
    return this.scalar();
  }
}

// ---------------------------------------------------------------------------------------------
// Writing a tree

class Writer {
  constructor(readonly rng: Rng, readonly risky: boolean) {}

  /** One line of flow style for a node (block and multi-line scalars fall back to one line). */
  flow(n: Node, indent: number, multiline: boolean): string {
    const rng = this.rng;
    const sep = () => (multiline && rng.chance(0.5) ? `,\n${' '.repeat(indent + rng.pick(this.risky ? [1, 2, 2, 2, 4, 0] : [1, 2, 2, 2, 4]))}${rng.chance(0.05) ? '\t' : ''}` : rng.chance(0.05) ? ',\t' : rng.pick([', ', ', ', ',', ' , ', ' ,\t']));
    const pre = (p: string | undefined) => (p ? `${p} ` : '');
    switch (n.k) {
      case 'scalar':
        return n.text;
      case 'multi':
        return multiline ? n.lines.join(`\n${' '.repeat(indent + 2)}`) : n.lines[0]!.replace(/^'(.*)$/, "'$1'").replace(/^"(.*?)\\?$/, '"$1"').replace(/^(['"])\1$/, '$1$1');
      case 'block':
        return rng.pick(['text', "'folded'", '"esc\\n"']);
      case 'map': {
        const parts = n.entries.map(([k, v]) => (v.k === 'scalar' && v.text === '' && rng.chance(0.5) ? k : `${k}: ${this.flow(v, indent + 2, multiline)}`));
        let out = '{';
        parts.forEach((p, i) => (out += (i > 0 ? sep() : '') + p));
        if (parts.length > 0 && rng.chance(0.05)) out += ',';
        return `${pre(n.prefix)}${out}}`;
      }
      case 'seq': {
        const parts = n.items.map((v) => this.flow(v, indent + 2, multiline));
        let out = '[';
        parts.forEach((p, i) => (out += (i > 0 ? sep() : '') + p));
        if (parts.length > 0 && rng.chance(0.05)) out += ',';
        return `${pre(n.prefix)}${out}]`;
      }
    }
  }

  /** Block style: the lines of a node whose own text starts at `indent`. */
  block(n: Node, indent: number): string[] {
    const pad = ' '.repeat(indent);
    const rng = this.rng;
    if (n.k === 'map' && !n.flow && n.entries.length > 0) {
      const out: string[] = [];
      for (const [key, v] of n.entries) out.push(...this.after(`${pad}${key}:`, v, indent, false));
      return out;
    }
    if (n.k === 'seq' && !n.flow && n.items.length > 0) {
      const out: string[] = [];
      for (const item of n.items) out.push(...this.after(`${pad}-`, item, indent, true));
      return out;
    }
    if (n.k === 'map' || n.k === 'seq') return [pad + this.flow(n, indent, n.multiline ?? false)];
    if (n.k === 'block') return [`${pad}${n.header}`, ...n.lines.map((l) => (l === '' ? (rng.chance(0.3) ? pad : '') : pad + l))];
    if (n.k === 'multi') return [pad + n.lines[0], ...n.lines.slice(1).map((l) => `${pad}${l}`)];
    return [pad + n.text];
  }

  /** A key or a dash (`head`, ending in ':' or '-') and its value, in block style. */
  after(head: string, v: Node, indent: number, dash: boolean): string[] {
    const rng = this.rng;
    // a tab after "-" or before a comment is an error in go-yaml; after "key:" or a value it is not
    const gap = () => (rng.chance(0.03) && (this.risky || !dash) ? '\t' : rng.chance(0.05) ? '  ' : ' ');
    const tail = () => (rng.chance(0.04) ? rng.pick(this.risky ? [' # note', '\t', '  ', ' #', '\t# tab comment', ' \t'] : [' # note', '\t', '  ', ' #', ' \t', ' # x: y']) : '');
    const step = dash ? 2 : rng.pick([2, 2, 2, 4, 1, 3]);
    switch (v.k) {
      case 'scalar':
        return [`${head}${v.text === '' ? '' : gap() + v.text}${tail()}`];
      case 'multi': {
        const cont = indent + (dash ? 2 : rng.pick([1, 2, 2, 4]));
        return [`${head} ${v.lines[0]}`, ...v.lines.slice(1).map((l) => (l === '' ? '' : ' '.repeat(cont) + l))];
      }
      case 'block': {
        const body = indent + (dash ? 2 : rng.pick([1, 2, 2, 4]));
        return [`${head} ${v.header}`, ...v.lines.map((l) => (l === '' ? (rng.chance(0.3) ? ' '.repeat(body + rng.int(3)) : '') : ' '.repeat(body) + l))];
      }
      case 'map':
      case 'seq': {
        const empty = v.k === 'map' ? v.entries.length === 0 : v.items.length === 0;
        if (v.flow || empty) return [`${head} ${this.flow(v, indent, v.multiline ?? false)}${tail()}`];
        // a sequence under a key may sit at the key's own indentation
        const inner = indent + (v.k === 'seq' && !dash && rng.chance(0.4) ? 0 : step);
        const lines = this.block(v, inner);
        if (v.prefix) return [`${head} ${v.prefix}${tail()}`, ...(v.k === 'seq' && !dash && inner === indent ? this.block(v, indent + step) : lines)];
        if (dash) return [`${head} ${lines[0]!.slice(inner)}`, ...lines.slice(1)]; // "- key: v" and the rest below
        return [`${head}${tail()}`, ...lines];
      }
    }
  }
}

/** A generated document: a Kubernetes-shaped tree in random YAML styles, as one document's text. */
export function generateDocument(rng: Rng): string {
  const risky = rng.chance(0.25);
  const gen = new Gen(rng, risky);
  const tree = gen.document();
  const writer = new Writer(rng, risky);
  let lines = writer.block(tree, 0);
  // comments, blank lines and a directive-end marker here and there
  if (rng.chance(0.1)) lines.splice(rng.int(lines.length + 1), 0, rng.pick(risky ? ['# comment', '', '   ', '  # indented comment', '\t# tab comment', '#', '\t'] : ['# comment', '', '   ', '  # indented comment', '#']));
  if (rng.chance(0.03)) lines.unshift(rng.pick(risky ? ['---', '--- # start', '%YAML 1.1\n---', '%TAG !e! tag:example.com,2000:\n---'] : ['---', '--- # start', '---\t']));
  if (rng.chance(0.02)) lines.push(rng.pick(['...', '... # end']));
  if (risky && rng.chance(0.2)) {
    const i = rng.int(lines.length);
    lines[i] = lines[i]!.replace(/^( +)/, (s) => (s.length > 1 ? `\t${s.slice(2)}` : '\t')); // a tab in block indentation
  }
  lines = lines.join('\n').split('\n');
  const eol = rng.chance(0.06) ? '\r\n' : '\n';
  return lines.join(eol) + (rng.chance(0.95) ? eol : '');
}

/** A billion-laughs style document: `levels` anchored lists, each `width` aliases of the one before. */
export function laughsDocument(levels: number, width: number): string {
  const lines = [`a0: &a0 [${Array(width).fill('lol').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Mutations of existing documents

const INSERTS = [':', '-', '#', '"', "'", '{', '}', '[', ']', ',', ' ', '\n', '\t', '&', '*', '!', '?', '|', '>', '%', '@', '\\', '\r', '\u0000', '\u007f', '\u0085', '\ufeff', 'é'];

/** 1 or 2 small random changes: a scalar replaced by an odd form, a line doubled, a tab, an anchor and alias, a character gone or added. */
export function mutateDocument(rng: Rng, doc: string): string {
  let text = doc;
  const times = 1 + rng.int(2);
  for (let t = 0; t < times; t++) {
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    const line = lines[i]!;
    switch (rng.int(9)) {
      case 0:
      case 1: {
        // replace a scalar after "key: " or "- "
        const m = /^(\s*(?:- )*(?:[^:#\s][^:#]*:\s+|- ))([^#\s].*?)\s*$/.exec(line);
        if (m) lines[i] = m[1] + scalarForm(rng, rng.chance(0.3));
        else lines[i] = line.replace(/:\s*$/, `: ${scalarForm(rng, rng.chance(0.3))}`);
        break;
      }
      case 2:
        lines.splice(i, 0, line);
        break;
      case 3: {
        const r = rng.int(3);
        if (r === 0) lines[i] = `\t${line}`;
        else if (r === 1) lines[i] = line.replace(/: /, ':\t');
        else {
          const p = rng.int(line.length + 1);
          lines[i] = line.slice(0, p) + '\t' + line.slice(p);
        }
        break;
      }
      case 4: {
        // anchor a value and refer to it further down
        const name = rng.pick(ANCHOR_NAMES);
        lines[i] = /:\s*$/.test(line) ? `${line.replace(/\s*$/, '')} &${name}` : line.replace(/(:\s+|- )/, `$1&${name} `);
        const j = i + 1 + rng.int(Math.max(1, lines.length - i - 1));
        if (j < lines.length) {
          const target = lines[j]!;
          const m = /^(\s*(?:- )*(?:[^:#\s][^:#]*:\s+|- ))(.+)$/.exec(target);
          lines[j] = m ? `${m[1]}*${name}` : target.replace(/:\s*$/, `: *${name}`);
        }
        break;
      }
      case 5:
      case 6: {
        // delete one character (one code point)
        const chars = Array.from(line);
        if (chars.length > 0) {
          chars.splice(rng.int(chars.length), 1);
          lines[i] = chars.join('');
        } else lines.splice(i, 1);
        break;
      }
      case 7: {
        const chars = Array.from(line);
        chars.splice(rng.int(chars.length + 1), 0, rng.pick(INSERTS));
        lines[i] = chars.join('');
        break;
      }
      default: {
        // indent a line one or two more or fewer spaces, or swap it with the next
        const r = rng.int(3);
        if (r === 0) lines[i] = ' '.repeat(1 + rng.int(2)) + line;
        else if (r === 1) lines[i] = line.replace(/^ {1,2}/, '');
        else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
      }
    }
    text = lines.join('\n');
  }
  return text;
}

/**
 * Small documents written by hand where a YAML reader may part from go-yaml v2: tags (!!null,
 * !!omap, !!merge, !!binary), anchors named outside [A-Za-z0-9_-], CR, NEL and LS line breaks,
 * control characters, escapes (\\/, surrogates), quoted and flow text continued at column 0,
 * text after the first node, duplicate keys over values JSON cannot hold, merge orders, keys
 * over 1024 characters.
 */
export const EDGE_DOCUMENTS: readonly string[] = [
  'a: !!null\n',
  'a: !!null \'\'\n',
  'a: !!null ~\n',
  'a: !!str\n',
  'a: !\n',
  'a: !!null null\n',
  '!!null : x\n',
  'a: !!int\n',
  'a: b\rc: d\n',
  'a: x\u0085b: 1\n',
  'a: x\u2028y\n',
  'a: |\n  x\r  y\n',
  'a: 1 # c\u0085b: 2\n',
  'a: \u0001\n',
  'a: x\u007f\n',
  'a: \u0080\n',
  'a: \u009f\n',
  'a: \ufffe\n',
  'a: \"\\u0001\"\n',
  'a: \"\u0001\"\n',
  'a: \ufeffx\n',
  '\ufeffa: 1\n',
  'a: 1\n\ufeff\n',
  'a: &a.b 1\nb: *a.b\n',
  'a: &\u00e4 1\n',
  'a: &a/b 1\n',
  'a: &a:b 1\n',
  '  apiVersion: v1\nkind: Pod\n',
  'a: 1\n...\nb: [\n',
  'a: 1\n--- \nb: 2\n',
  '\"x\"\nb: 1\n',
  '[a]\nb: 1\n',
  'a: |\nb: 1\n',
  '|\nabc\n',
  'a: \"x\ny\"\n',
  'a: \'x\ny\'\n',
  '- \"a\nb\"\n',
  'a:\n  b: \"x\n  y\"\n',
  'a: [\nb]\n',
  'a: {\nb: 1}\n',
  'a:\n  b: [1,\n2]\n',
  'a: [1,\n]\n',
  'a: 1\n\t\nb: 2\n',
  'a: 1\n\t',
  'a:\n\t\n  b: 1\n',
  'a: b\n \t\n',
  'a: |\n\tT\n',
  'a: |\n  x\n\ty\n',
  'a: |\n  x\n \ty\n',
  'a: \"\\/\"\n',
  'a: \"\\\t\"\n',
  'a: \"\\N\\_\\L\\P\\e\\a\\v\\0\"\n',
  'a: \"\\uD83D\\uDE00\"\n',
  'a: \"\\ud800\"\n',
  'a: \"\\U0001F600\"\n',
  'a: \"\\U00110000\"\n',
  'a: \"\\x80\"\n',
  'a: !!int x\n',
  'a: !!float x\n',
  'a: !!bool x\n',
  'a: !!int 1.5\n',
  'a: !!float 1\n',
  'a: !!bool 1\n',
  'a: !!int \"017\"\n',
  'a: !!null 1\n',
  'a: !!float .inf\n',
  'a: !!str 017\n',
  'a: !!int 1_000\n',
  'a: !!bool yes\n',
  'a: !!float 1e400\n',
  'a: [:0]\n',
  'a: {:r}\n',
  'a: {n:{}}\n',
  'a: {a:1}\n',
  'a: [a:b]\n',
  'a: {a:[1]}\n',
  ':\n',
  ': a\n',
  'a: [b, :c]\n',
  'a: !!timestamp 2001-12-14t21:59:43.10-05:00\n',
  'a: !!timestamp 2001-2-4 1:9:0-5\n',
  'a: !!timestamp x\n',
  'a: !!timestamp 2001-12-14 21:59:43.10 -5\n',
  'a: 2001-12-14 21:59:43.10 -5\n',
  'a: .inf\na: 1\n',
  'a: [.inf]\na: 1\n',
  '<<: {a: .inf}\na: 1\n',
  'a: \"x\\\n\n  y\"\n',
  'a: \"x\\\n\n\n  y\"\n',
  'a: \"x\n\n  y\"\n',
  'a: \'x\n\n  y\'\n',
  '%x\n---\na: 1\n',
  '%YAML 1.1\n---\na: 1\n',
  '',
  '# only\n',
  '\n',
  'b: &b {x: 1, y: 2}\na:\n  x: 0\n  <<: *b\n',
  'b: &b {x: 1}\nc: &c {x: 2}\na:\n  <<: [*b, *c]\n',
  'a:\n  <<: {x: 1}\n  <<: {x: 2, y: 3}\n',
  'a:\n  <<: [{x: 1}, {x: 2}]\n  x: 3\n',
  'a: {<<: {x: 1}, x: 2}\n',
  'a:\n  <<: *u\n',
  'b: &b [1]\na:\n  <<: *b\n',
  'a:\n  <<:\n',
  'a:\n  <<: ~\n',
  'a:\n  <<: [{x: 1}, 2]\n',
  'a:\n  \'<<\': {x: 1}\n',
  'a:\n  !!merge <<: {x: 1}\n',
  'a:\n  !!str <<: {x: 1}\n',
  '>\n a\nb\n',
  '- |2\n   x\n',
  'a: |2\n   x\n',
  'a: |1\n  x\n',
  'a: >-\n\n  x\n\n',
  'a: |+\n  x\n\n\n',
  'a: |\n  x\n  \n',
  'a: |\n   \n  x\n',
  '? a\n: 1\n',
  '? |\n  a\n: 1\n',
  'a: !!binary \"/w==\"\n',
  'a: !!omap [x: 1]\n',
  'a: !!pairs [x: 1]\n',
  'a: !!set {x}\n',
  'a: 1\n\ufeff',
  'a: \"\\x\"\n',
  'a: x\n  # c\n  y\n',
  'a: x #c\n  y\n',
  'a:\n- b\n-c\n',
  'a: - b\n',
  'a: b: c\n',
  'a: \"b\" c\n',
  'k'.repeat(1024) + ': 1\n',
  'k'.repeat(1025) + ': 1\n',
  `"${'k'.repeat(1030)}": 1\n`,
  'k'.repeat(1026) + ':',
  `{${'k'.repeat(1030)}: 1}\n`,
  // go-yaml's reader decodes 512 bytes at a time and stops after the first node
  '[a]\n' + 'b: 1\n'.repeat(100) + '\u0001\n',
  '[a]\n' + 'b: 1\n'.repeat(130) + '\u0001\n',
  '"x"\nb\n' + '#'.repeat(3000) + '\u0001\n',
  'a: {b?: 1}\n',
  '{ (?: null }\n',
  '%YAML 1.1\n%YAML 1.1\n---\na\n',
  '%YAML 1.2\n---\na\n',
  '%TAG ! !a\n%TAG ! !b\n---\na\n',
  '%TAG !e! tag:e.com,2000:\n---\na: !e!x 1\n',
  'a: !e!x 1\n',
  'a: !<tag:yaml.org,2002:int> 12\n',
  'a: ! 12\n',
  'a: !!timestamp 2001-02-29\n',
  'a: !!timestamp 2000-02-29\n',
  'a: !!timestamp 2001-1-1  1:2:3.1234567891\n',
  'a: !!binary 4oI=\n',
  'a: {b: {c: .inf}}\na: 1\n',
  'a: {~: 1}\na: 2\n',
  'a: &x [*x]\n',
  'a: &x 1\nb: &x 2\nc: *x\n',
  'a: x\u2029y\n',
  'a: "x\u2028y"\n',
  'a: |\n  x\u2028  y\n',
  '- a\n  - b\n',
  'a:\n  - b\n - c\n',
  '? - a\n: 1\n',
  '[a, b]: 1\n',
  'a: [b, c]: d\n',
  '- ? a\n  : b\n',
  '&a a: *a\n',
  '*a\n',
  'a: *a\n',
  'a: @x\n',
  'a: `x\n',
  '...\na: 1\n',
  '---\n...\n',
  'a: "x\n---\n"\n',
  // go-yaml's is_bom looks at its buffer's start: after a doubled byte order mark, lines lose their first character
  '\ufeff\ufeffa: 1\nbb: 2\n',
  '\ufeff\ufeff[a,\nb]',
  '\ufeff\ufeffx\n',
  'a: st\u00a0\n',
  '- a\u3000\n',
  'a: 1\n... b: 1\n',
];
