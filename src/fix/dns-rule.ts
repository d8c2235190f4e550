import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ReachabilityMatrix } from '../engine/matrix.js';
import { podsWithoutDns } from '../lint/rules/egress-without-dns.js';
import { yamlLib } from '../load/yaml-lib.js';
import { DNS_PORT, DNS_PROTOCOLS, RESOLVER_LABELS, RESOLVER_NAMESPACE } from '../model/cluster-resolver.js';
import type { NetworkPolicy } from '../model/policy.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { matchesSelector } from '../select/label-selector.js';
import type { AppliedFix, SkippedFix } from './fix-text.js';
import { lineStart, type TextEdit } from './text-edit.js';

/**
 * The egress rule `lint --fix` adds for DNS: to the cluster resolver (kube-system pods labelled
 * k8s-app=kube-dns) on UDP and TCP 53 — the peer and ports `generate` writes (model/cluster-resolver.ts).
 */
export const DNS_RULE = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': RESOLVER_NAMESPACE } }, podSelector: { matchLabels: { ...RESOLVER_LABELS } } }],
  ports: DNS_PROTOCOLS.map((protocol) => ({ protocol, port: DNS_PORT })),
};

/** The rule as a block sequence item whose dash is at column `indent`. */
function ruleText(indent: number): string {
  const pad = ' '.repeat(indent);
  return yamlLib()
    .stringify([DNS_RULE], { version: '1.1' })
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `${pad}${l}\n`)
    .join('');
}

/** The offset just past the line where the node's content ends (trailing blanks not counted). */
function afterLastLine(text: string, end: number): number {
  let k = end;
  while (k > 0 && /\s/.test(text[k - 1]!)) k--;
  const nl = text.indexOf('\n', k);
  return nl < 0 ? text.length : nl + 1;
}

const start = (n: Node | null | undefined): number | undefined => n?.range?.[0];
const objectRef = (p: NetworkPolicy) => `NetworkPolicy ${p.namespace}/${p.name}`;
const selects = (p: NetworkPolicy, pod: Pod) => pod.namespace === p.namespace && matchesSelector(p.podSelector, pod.labels);
const hasDnsPort = (p: NetworkPolicy) => p.egress.some((r) => r.ports !== 'any' && r.ports.some((port) => port.kind === 'range' && port.from <= DNS_PORT && DNS_PORT <= port.to));

export interface DnsFixes {
  edits: Map<string, TextEdit[]>;
  applied: AppliedFix[];
  skipped: SkippedFix[];
  /** The pods that get DNS. */
  pods: Pod[];
}

/**
 * For the pods `egress-without-dns` reports (isolated for egress, no UDP or TCP 53 anywhere), the
 * DNS rule added to a NetworkPolicy that isolates them — one that selects only such pods, so that
 * no other pod's DNS changes — as an edit at the end of its egress list (or a new `egress:`).
 * Pods isolated only by other kinds (Cilium, Calico, admin), policies in JSON or in flow style,
 * and policies that already name port 53 are left alone, with the reason.
 */
export function dnsFixes(snapshot: Snapshot, matrix: ReachabilityMatrix, texts: ReadonlyMap<string, string>, defaultNamespace = 'default'): DnsFixes {
  const edits = new Map<string, TextEdit[]>();
  const applied: AppliedFix[] = [];
  const skipped: SkippedFix[] = [];
  const lacking = podsWithoutDns(matrix);
  const without = new Set(lacking);
  const chosen = new Map<NetworkPolicy, Pod[]>();
  const podRef = (pod: Pod) => ({ fix: 'egress-without-dns' as const, file: pod.source.file, line: pod.source.line, object: `Pod ${pod.id}` });
  for (const pod of lacking) {
    const isolating = snapshot.policies.filter((p) => p.affects.egress && !p.synthesized && selects(p, pod));
    if (!isolating.length) {
      skipped.push({ ...podRef(pod), why: 'isolated for egress by a policy other than a NetworkPolicy (Cilium, Calico or admin): the fix edits NetworkPolicies' });
      continue;
    }
    const policy = isolating.find((p) => snapshot.pods.every((q) => !selects(p, q) || without.has(q)));
    if (!policy) {
      skipped.push({ ...podRef(pod), why: `every NetworkPolicy that isolates it (${isolating.map((p) => p.name).join(', ')}) also selects pods that reach DNS: a rule there would change their DNS too` });
      continue;
    }
    chosen.set(policy, [...(chosen.get(policy) ?? []), pod]);
  }
  for (const [policy, pods] of chosen) {
    const at = { fix: 'egress-without-dns' as const, file: policy.source.file, line: policy.source.line, object: objectRef(policy) };
    const text = texts.get(policy.source.file);
    if (text === undefined || !/\.ya?ml$/i.test(policy.source.file)) {
      skipped.push({ ...at, why: 'not in a YAML file (the fixes edit YAML text)' });
      continue;
    }
    if (policy.apiVersion !== 'networking.k8s.io/v1') {
      skipped.push({ ...at, why: `${policy.apiVersion} is not edited (netpol-check migrate rewrites it as networking.k8s.io/v1)` });
      continue;
    }
    if (hasDnsPort(policy)) {
      skipped.push({ ...at, why: 'it already has an egress rule on port 53 (the resolver it names is not in the input?)' });
      continue;
    }
    const edit = ruleEdit(text, policy, defaultNamespace);
    if (typeof edit === 'string') {
      skipped.push({ ...at, why: edit });
      continue;
    }
    edits.set(policy.source.file, [...(edits.get(policy.source.file) ?? []), edit]);
    applied.push({ ...at, what: `egress to the cluster resolver (${RESOLVER_NAMESPACE} pods labelled k8s-app=${RESOLVER_LABELS['k8s-app']}) on UDP and TCP ${DNS_PORT} for ${pods.map((p) => p.id).join(', ')}` });
  }
  return { edits, applied, skipped, pods: [...chosen.values()].flat() };
}

/** Where and what to insert in the policy's document, or why not. */
function ruleEdit(text: string, policy: NetworkPolicy, defaultNamespace: string): TextEdit | string {
  for (const doc of yamlLib().parseAllDocuments(text)) {
    if (!('contents' in doc) || doc.errors.length || !isMap(doc.contents)) continue;
    let js: { kind?: unknown; apiVersion?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    try {
      js = doc.toJS({ maxAliasCount: 100 }) as typeof js;
    } catch {
      continue;
    }
    if (js.kind !== 'NetworkPolicy' || js.apiVersion !== policy.apiVersion || js.metadata?.name !== policy.name || (js.metadata?.namespace ?? defaultNamespace) !== policy.namespace) continue;
    const spec = doc.contents.get('spec', true);
    if (!isMap(spec) || spec.flow) return 'spec is written in flow style ({…})';
    const egress = spec.get('egress', true);
    if (isSeq(egress) && egress.items.length > 0) {
      if (egress.flow) return 'egress is written in flow style ([…])';
      const first = start(egress.items[0] as Node);
      if (first === undefined) return 'egress rules without positions';
      const prefix = text.slice(lineStart(text, first), first);
      if (!/^ *- +$/.test(prefix)) return 'the egress rules are not one under the other';
      const last = egress.items[egress.items.length - 1] as Node;
      return { at: afterLastLine(text, last.range![1]), length: 0, text: ruleText(prefix.indexOf('-')) };
    }
    if (egress !== undefined && !(isScalar(egress) && egress.value === null)) return 'egress is written in flow style ([])';
    if (egress !== undefined) return 'egress is given without rules';
    const firstKey = start(spec.items[0]?.key as Node | undefined);
    if (firstKey === undefined) return 'spec without positions';
    const indent = text.slice(lineStart(text, firstKey), firstKey);
    if (!/^ *$/.test(indent)) return 'spec does not start its keys on their own lines';
    const lastItem = spec.items[spec.items.length - 1]!;
    const end = (lastItem.value as Node | null)?.range?.[1] ?? (lastItem.key as Node).range![1];
    return { at: afterLastLine(text, end), length: 0, text: `${indent}egress:\n${ruleText(indent.length + 2)}` };
  }
  return 'its document was not found in the file';
}
