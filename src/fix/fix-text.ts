import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { yamlLib } from '../load/yaml-lib.js';
import { PROTOCOLS, type Protocol } from '../model/policy.js';
import { applyEdits, lineOf, lineStart, type TextEdit } from './text-edit.js';

/** The mechanical fixes, each named like the lint rule that finds the mistake (egress-without-dns: dns-rule.ts, which reads the snapshot). */
export const FIX_IDS = ['protocol-case', 'explicit-policy-types', 'split-namespace-pod-selector', 'egress-without-dns'] as const;
export type FixId = (typeof FIX_IDS)[number];

export interface AppliedFix {
  fix: FixId;
  file: string;
  line: number;
  /** `NetworkPolicy ns/name` */
  object: string;
  what: string;
}

export interface SkippedFix extends Omit<AppliedFix, 'what'> {
  why: string;
}

const DIRECTIONS = [['ingress', 'from'], ['egress', 'to']] as const;

const seqMaps = (n: unknown): YAMLMap[] => (isSeq(n) ? n.items.filter((i): i is YAMLMap => isMap(i)) : []);
const start = (n: Node | null | undefined): number | undefined => n?.range?.[0];

/**
 * Fixes what is mechanical in the networking.k8s.io/v1 NetworkPolicies of one YAML file, as
 * edits of its text (the rest stays byte for byte): `protocol: tcp` → `TCP`; an implicit
 * `policyTypes` written out as the API server defaults it; a `namespaceSelector` item and a
 * `podSelector` item that are the whole of a from/to list, made one item (the dash removed).
 */
export function fixText(file: string, text: string, fixes: ReadonlySet<FixId> = new Set(FIX_IDS)): { text: string; applied: AppliedFix[]; skipped: SkippedFix[] } {
  const edits: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  const skipped: SkippedFix[] = [];
  for (const doc of yamlLib().parseAllDocuments(text)) {
    if (!('contents' in doc) || doc.errors.length || !isMap(doc.contents)) continue;
    const root = doc.contents;
    let js: { kind?: unknown; apiVersion?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    try {
      js = doc.toJS({ maxAliasCount: 100 }) as typeof js;
    } catch {
      continue; // an alias bomb, or another document the loader reports on its own
    }
    if (js.kind !== 'NetworkPolicy' || js.apiVersion !== 'networking.k8s.io/v1') continue;
    const spec = root.get('spec', true);
    if (!isMap(spec)) continue;
    const object = `NetworkPolicy ${String(js.metadata?.namespace ?? 'default')}/${String(js.metadata?.name ?? '')}`;
    const at = (offset: number) => ({ file, line: lineOf(text, offset), object });

    if (fixes.has('protocol-case')) {
      for (const [direction] of DIRECTIONS) {
        for (const rule of seqMaps(spec.get(direction, true))) {
          for (const port of seqMaps(rule.get('ports', true))) {
            const p = port.get('protocol', true);
            if (!isScalar(p) || typeof p.value !== 'string' || !p.range) continue;
            const upper = p.value.toUpperCase() as Protocol;
            if (p.value === upper || !PROTOCOLS.includes(upper)) continue;
            edits.push({ at: p.range[0], length: p.range[1] - p.range[0], text: upper });
            applied.push({ fix: 'protocol-case', ...at(p.range[0]), what: `protocol ${p.value} → ${upper}` });
          }
        }
      }
    }

    if (fixes.has('explicit-policy-types') && !spec.has('policyTypes')) {
      const egress = spec.get('egress', true);
      const types = isSeq(egress) && egress.items.length > 0 ? '[Ingress, Egress]' : '[Ingress]';
      const first = spec.items[0];
      const keyAt = start(first?.key as Node | undefined);
      if (spec.flow || keyAt === undefined) skipped.push({ fix: 'explicit-policy-types', ...at(spec.range?.[0] ?? 0), why: 'spec is written in flow style ({…})' });
      else {
        // Before ingress or egress, else before the first key: at the start of that key's line, with its indent.
        const anchor = spec.items.find((i) => isScalar(i.key) && (i.key.value === 'ingress' || i.key.value === 'egress')) ?? first!;
        const anchorAt = start(anchor.key as Node)!;
        const lineAt = lineStart(text, anchorAt);
        const indent = text.slice(lineAt, anchorAt);
        if (!/^ *$/.test(indent)) skipped.push({ fix: 'explicit-policy-types', ...at(anchorAt), why: 'spec does not start its keys on their own lines' });
        else {
          edits.push({ at: lineAt, length: 0, text: `${indent}policyTypes: ${types}\n` });
          applied.push({ fix: 'explicit-policy-types', ...at(anchorAt), what: `policyTypes: ${types} written out (the default)` });
        }
      }
    }

    if (fixes.has('split-namespace-pod-selector')) {
      for (const [direction, field] of DIRECTIONS) {
        for (const rule of seqMaps(spec.get(direction, true))) {
          const peers = rule.get(field, true);
          if (!isSeq(peers) || peers.items.length !== 2 || !peers.items.every((i) => isMap(i))) continue;
          const [a, b] = peers.items as [YAMLMap, YAMLMap];
          const only = (m: YAMLMap, key: string) => m.items.length === 1 && isScalar(m.items[0]!.key) && m.items[0]!.key.value === key;
          if (!((only(a, 'namespaceSelector') && only(b, 'podSelector')) || (only(a, 'podSelector') && only(b, 'namespaceSelector')))) continue;
          const second = start(b);
          const firstAt = start(a);
          if (peers.flow || a.flow || b.flow || second === undefined || firstAt === undefined) {
            skipped.push({ fix: 'split-namespace-pod-selector', ...at(start(peers) ?? 0), why: 'the peers are written in flow style ({…} or […])' });
            continue;
          }
          // `- podSelector:` → `  podSelector:` at the first item's column: one item with both selectors.
          const lineAt = lineStart(text, second);
          const prefix = text.slice(lineAt, second);
          const firstPrefix = text.slice(lineStart(text, firstAt), firstAt);
          if (!/^ *- +$/.test(prefix) || prefix.length !== firstPrefix.length) {
            skipped.push({ fix: 'split-namespace-pod-selector', ...at(second), why: 'the items are not laid out one under the other' });
            continue;
          }
          edits.push({ at: lineAt, length: prefix.length, text: ' '.repeat(prefix.length) });
          applied.push({ fix: 'split-namespace-pod-selector', ...at(second), what: `${direction} rule: namespaceSelector and podSelector made one peer (pods matching both)` });
        }
      }
    }
  }
  return { text: applyEdits(text, edits), applied, skipped };
}
