import type { Endpoint } from '../engine/endpoint.js';
import { computeMatrix, type ReachabilityMatrix } from '../engine/matrix.js';
import { loadTexts } from '../load/load-snapshot.js';
import { yamlLib } from '../load/yaml-lib.js';
import { ciliumPolicyRef, type CiliumPolicy } from '../model/cilium-policy.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { NetworkPolicy } from '../model/policy.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import type { SourceRef } from '../model/source.js';
import { formatIp } from '../net/ip-address.js';
import { translateCilium } from './cilium-translate.js';
import type { MigrationFile } from './migrate.js';

export interface CiliumDifference {
  src: string;
  dst: string;
  before: string;
  after: string;
}

export interface CiliumConversionItem {
  /** `CiliumNetworkPolicy shop/api` (`specs[i]` appended for a rule of `specs`). */
  policy: string;
  source: SourceRef;
  /**
   * `exact`: written, and the engine's matrix with the NetworkPolicy in place of the Cilium rule
   * equals the matrix with the Cilium rule; `differs`: translated, but the matrices differ (not
   * written); `not-expressible`: NetworkPolicy cannot say it (`reasons`).
   */
  status: 'exact' | 'differs' | 'not-expressible';
  reasons: string[];
  /** NetworkPolicy `namespace/name` written for an exact translation. */
  written?: string;
  /** Its manifest, as written. */
  text?: string;
  /** For `differs`: the first entity pairs whose connections differ. */
  differences: CiliumDifference[];
  /** Entity pairs compared (pods and outside address ranges, both matrices' classes). */
  checks: number;
}

export interface CiliumConversion {
  items: CiliumConversionItem[];
  /** One file per namespace with the exact translations. */
  files: MigrationFile[];
  /** Problems reading a translation back (a bug if any). */
  reloadProblems: Diagnostic[];
}

const MAX_DIFFERENCES = 20;

/**
 * Translates each Cilium rule of a snapshot that NetworkPolicy can express (cilium-translate.ts)
 * and proves it: the translation is written as YAML, read back, put in the snapshot in place of
 * the Cilium rule, and the engine's matrix compared with the original's, every pod and outside
 * address range against every other. Only translations whose matrices are equal are written.
 */
export function convertCilium(snapshot: Snapshot): CiliumConversion {
  const items: CiliumConversionItem[] = [];
  const reloadProblems: Diagnostic[] = [];
  const byNamespace = new Map<string, string[]>();
  const taken = new Set(snapshot.policies.map((p) => `${p.namespace}/${p.name}`));
  let before: ReachabilityMatrix | undefined;
  for (const p of snapshot.ciliumPolicies ?? []) {
    const base = { policy: ciliumPolicyRef(p), source: p.source, differences: [], checks: 0 };
    const t = translateCilium(p);
    if (!t.ok) {
      items.push({ ...base, status: 'not-expressible', reasons: t.reasons });
      continue;
    }
    const meta = t.manifest.metadata as { name: string; namespace: string };
    while (taken.has(`${meta.namespace}/${meta.name}`)) meta.name = `${meta.name}-cilium`;
    const text = yamlLib().stringify(t.manifest, { version: '1.1' }); // kubectl reads YAML 1.1: y, on, 017620 quoted
    const reloaded = loadTexts([{ file: `${meta.namespace}.yaml`, text }], { semantics: 'v1' });
    const problems = reloaded.diagnostics.filter((d) => d.severity === 'error');
    if (problems.length || reloaded.declared.policies.length !== 1) {
      reloadProblems.push(...problems);
      items.push({ ...base, status: 'differs', reasons: ['the translation does not read back (please report)'] });
      continue;
    }
    before ??= computeMatrix(snapshot);
    const after = computeMatrix(replaced(snapshot, p, reloaded.declared.policies[0]!));
    const { differences, checks } = compareMatrices(before, after, snapshot.pods);
    if (differences.length) {
      items.push({ ...base, status: 'differs', reasons: ['the engine finds connections that differ (listed); nothing written'], differences, checks });
      continue;
    }
    const key = `${meta.namespace}/${meta.name}`;
    taken.add(key);
    byNamespace.set(meta.namespace, [...(byNamespace.get(meta.namespace) ?? []), text]);
    items.push({ ...base, status: 'exact', reasons: [], written: key, text, checks });
  }
  const files = [...byNamespace.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([ns, docs]) => ({ name: `${ns}.yaml`, text: docs.join('---\n') }));
  return { items, files, reloadProblems };
}

function replaced(snapshot: Snapshot, p: CiliumPolicy, np: NetworkPolicy): Snapshot {
  return { ...snapshot, policies: [...snapshot.policies, np], ciliumPolicies: (snapshot.ciliumPolicies ?? []).filter((q) => q !== p) };
}

/**
 * Connections of two matrices of the same pods, compared on representatives of both matrices'
 * pod classes (two pods of a class where it has two, for pairs inside it) and of both matrices'
 * outside address blocks: each matrix is the same on all members of one of its classes or blocks.
 */
export function compareMatrices(a: ReachabilityMatrix, b: ReachabilityMatrix, pods: readonly Pod[]): { differences: CiliumDifference[]; checks: number } {
  const reps = new Set<Pod>();
  for (const m of [a, b]) {
    for (const c of m.pods.classes) {
      reps.add(c.pods[0]!);
      if (c.pods[1]) reps.add(c.pods[1]);
    }
  }
  const podEndpoints: Endpoint[] = pods.filter((p) => reps.has(p)).map((pod) => ({ kind: 'pod', pod }));
  const addresses = new Map<string, Endpoint>();
  for (const m of [a, b]) for (const blk of m.blocks) addresses.set(`${blk.family}/${blk.lo}`, { kind: 'ip', family: blk.family, addr: blk.lo });
  const differences: CiliumDifference[] = [];
  let checks = 0;
  const compare = (src: Endpoint, dst: Endpoint) => {
    if (src.kind === 'pod' && dst.kind === 'pod' && src.pod === dst.pod) return;
    checks++;
    const x = a.connections(a.entityOf(src), a.entityOf(dst));
    const y = b.connections(b.entityOf(src), b.entityOf(dst));
    if (!x.equals(y) && differences.length < MAX_DIFFERENCES) differences.push({ src: name(src), dst: name(dst), before: x.toString(), after: y.toString() });
  };
  for (const s of podEndpoints) {
    for (const d of podEndpoints) compare(s, d);
    for (const x of addresses.values()) {
      compare(s, x);
      compare(x, s);
    }
  }
  return { differences, checks };
}

function name(e: Endpoint): string {
  return e.kind === 'pod' ? e.pod.id : formatIp(e.family, e.addr);
}
