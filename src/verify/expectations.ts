import { Ajv } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceRef } from '../model/source.js';
import { makeLocator } from '../load/locate.js';

/** One written expectation. Names, selectors and addresses are those `can` understands. */
export type Expectation =
  | { kind: 'reach'; name: string; from: string; to: string; expect: 'allow' | 'deny'; fromNamespace?: string; toNamespace?: string; source: SourceRef }
  | { kind: 'only'; name: string; to: string; onlyFrom: string[]; toNamespace?: string; source: SourceRef }
  | { kind: 'isolated'; name: string; pods: string; direction: 'ingress' | 'egress' | 'both'; namespace?: string; source: SourceRef };

/** The published JSON schema of an expectations file (docs/expectations.schema.json). */
export const EXPECTATIONS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://netpol-check.dev/schemas/expectations-v1.json',
  title: 'netpol-check expectations',
  type: 'object',
  additionalProperties: false,
  required: ['expectations'],
  properties: {
    apiVersion: { const: 'netpol-check.dev/v1', description: 'Optional; with kind, lets the file live beside manifests (their loader skips it).' },
    kind: { const: 'Expectations' },
    expectations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string', description: 'Shown in the report; defaults to a description of the check.' },
          from: { type: 'string', description: 'Source, as in `netpol-check can`: NAME, NS/NAME, KIND/NAME, a label selector, an IP or CIDR, or * for every pod.' },
          to: { type: 'string', description: 'Destination, as in `netpol-check can`, with an optional :PORT[/PROTO].' },
          expect: { enum: ['allow', 'deny'], description: 'allow: every pair is allowed; deny: no pair is.' },
          onlyFrom: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Nothing but these sources reaches `to` (on its port, or on any port).' },
          isolated: { enum: ['ingress', 'egress', 'both'], description: 'Every pod of `pods` is isolated in this direction.' },
          pods: { type: 'string' },
          namespace: { type: 'string', description: 'Scope for names and selectors on both ends.' },
          fromNamespace: { type: 'string' },
          toNamespace: { type: 'string' },
        },
        oneOf: [
          { required: ['from', 'to', 'expect'], not: { anyOf: [{ required: ['onlyFrom'] }, { required: ['isolated'] }, { required: ['pods'] }] } },
          { required: ['to', 'onlyFrom'], not: { anyOf: [{ required: ['from'] }, { required: ['expect'] }, { required: ['isolated'] }, { required: ['pods'] }] } },
          { required: ['isolated', 'pods'], not: { anyOf: [{ required: ['from'] }, { required: ['to'] }, { required: ['expect'] }, { required: ['onlyFrom'] }] } },
        ],
      },
    },
  },
} as const;

let compiled: ReturnType<Ajv['compile']> | undefined;
/** Compiled on first use. */
const validate = (v: unknown): boolean => (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(EXPECTATIONS_SCHEMA))(v) as boolean;
const validationErrors = () => compiled?.errors;

interface RawItem {
  name?: string;
  from?: string;
  to?: string;
  expect?: 'allow' | 'deny';
  onlyFrom?: string[];
  isolated?: 'ingress' | 'egress' | 'both';
  pods?: string;
  namespace?: string;
  fromNamespace?: string;
  toNamespace?: string;
}

/** Parses and validates an expectations file; problems carry file, line and field. */
export function parseExpectations(file: string, text: string): { expectations: Expectation[]; problems: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: Diagnostic[] = [];
  const at = (path: (string | number)[]) => makeLocator(file, 0, doc.contents, lineCounter).at(path);
  if (doc.errors.length) {
    const pos = lineCounter.linePos(doc.errors[0]!.pos[0]);
    problems.push({ severity: 'error', code: 'bad-expectations', message: `invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, source: { file, doc: 0, line: pos.line, col: pos.col } });
    return { expectations: [], problems };
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!validate(value)) {
    // oneOf failures repeat for each branch: keep the most specific message per item.
    const seen = new Set<string>();
    for (const e of validationErrors() ?? []) {
      const path = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      const message = extra
        ? `unknown field "${extra}"`
        : e.keyword === 'oneOf' || e.keyword === 'required' || e.keyword === 'not'
          ? 'an expectation is one of: {from, to, expect}, {to, onlyFrom} or {isolated, pods}'
          : `${e.instancePath.split('/').pop() || 'file'} ${e.message}`;
      const key = `${path.join('.')}|${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ severity: 'error', code: 'bad-expectations', message, source: at(extra ? [...path, extra] : path) });
    }
    return { expectations: [], problems };
  }
  const items = (value as { expectations: RawItem[] }).expectations;
  const expectations = items.map((it, i): Expectation => {
    const source = at(['expectations', i]);
    const ns = (specific?: string) => specific ?? it.namespace;
    if (it.isolated) {
      return { kind: 'isolated', name: it.name ?? `${it.pods} isolated for ${it.isolated}`, pods: it.pods!, direction: it.isolated, ...(it.namespace ? { namespace: it.namespace } : {}), source };
    }
    if (it.onlyFrom) {
      const toNamespace = ns(it.toNamespace);
      return { kind: 'only', name: it.name ?? `only ${it.onlyFrom.join(', ')} reach ${it.to}`, to: it.to!, onlyFrom: it.onlyFrom, ...(toNamespace ? { toNamespace } : {}), source };
    }
    const fromNamespace = ns(it.fromNamespace);
    const toNamespace = ns(it.toNamespace);
    return {
      kind: 'reach',
      name: it.name ?? `${it.from} ${it.expect === 'allow' ? 'reaches' : 'does not reach'} ${it.to}`,
      from: it.from!,
      to: it.to!,
      expect: it.expect!,
      ...(fromNamespace ? { fromNamespace } : {}),
      ...(toNamespace ? { toNamespace } : {}),
      source,
    };
  });
  return { expectations, problems };
}
