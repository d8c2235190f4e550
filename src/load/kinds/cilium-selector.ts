import type { LabelSelector, SelectorOperator, SelectorRequirement } from '../../model/labels.js';
import { CILIUM_NAMESPACE_LABEL, CILIUM_NAMESPACE_LABELS_PREFIX } from '../../select/cilium-labels.js';
import type { Path } from '../locate.js';
import { describe, labelKeyProblem, labelValueProblem, type ObjectReader } from '../object-reader.js';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
/** Label sources a key may be prefixed with (pkg/labels: LabelSource*). `k8s` and `any` select pods. */
const POD_SOURCES = new Set(['k8s', 'any']);
/** `io.cilium.k8s.policy.serviceaccount`, `io.cilium.k8s.policy.cluster` (pkg/k8s/apis/cilium.io const.go). */
const CILIUM_POLICY_LABELS_PREFIX = 'io.cilium.k8s.policy.';

export interface CiliumSelectorRead {
  /** Keys without their `k8s:`/`any:` prefix. */
  selector: LabelSelector;
  /** Keys with another source (`reserved:host`, `container:…`) or on `io.cilium.k8s.policy.*`: not modelled, the selector selects no pod here. */
  otherSources: string[];
  /** Whether the selector names the namespace (then a CiliumNetworkPolicy does not confine it). */
  namesNamespace: boolean;
  /** The value of a `k8s:io.kubernetes.pod.namespace` matchLabels entry, if any. */
  k8sNamespace?: string;
}

/**
 * A Cilium EndpointSelector (a Kubernetes LabelSelector whose keys may carry a source prefix,
 * pkg/policy/api/selector.go). Problems are reported; `undefined` when absent.
 */
export function readCiliumSelector(r: ObjectReader, path: Path): CiliumSelectorRead | undefined {
  if (!r.has(path)) return undefined;
  const otherSources: string[] = [];
  let k8sNamespace: string | undefined;
  const key = (raw: string, at: Path): string | undefined => {
    const colon = raw.indexOf(':');
    const source = colon >= 0 ? raw.slice(0, colon) : 'any';
    const bare = colon >= 0 ? raw.slice(colon + 1) : raw;
    // Other sources (reserved:…), and labels Cilium derives from what a snapshot does not hold
    // (the pod's service account, the cluster's name): not modelled.
    if (!POD_SOURCES.has(source) || bare.startsWith(CILIUM_POLICY_LABELS_PREFIX)) {
      otherSources.push(raw);
      return undefined;
    }
    const problem = labelKeyProblem(bare);
    if (problem) {
      r.report('error', at, 'invalid-label', problem);
      return undefined;
    }
    return bare;
  };
  const matchLabels: Record<string, string> = {};
  const labels = r.stringMap([...path, 'matchLabels']);
  for (const [k, v] of Object.entries(labels)) {
    const bare = key(k, [...path, 'matchLabels', k]);
    if (bare === undefined) continue;
    const problem = labelValueProblem(v);
    if (problem) r.report('error', [...path, 'matchLabels', k], 'invalid-label', problem);
    if (k === `k8s:${CILIUM_NAMESPACE_LABEL}`) k8sNamespace = v;
    matchLabels[bare] = v;
  }
  const matchExpressions: SelectorRequirement[] = [];
  (r.list([...path, 'matchExpressions']) ?? []).forEach((_, i) => {
    const p = [...path, 'matchExpressions', i];
    const k = r.string([...p, 'key']);
    const op = r.string([...p, 'operator']);
    const values = (r.list([...p, 'values']) ?? []).map((v, j) => {
      if (typeof v !== 'string') r.report('error', [...p, 'values', j], 'wrong-type', `expected a string, got ${describe(v)}`);
      else {
        const problem = labelValueProblem(v);
        if (problem) r.report('error', [...p, 'values', j], 'invalid-label', problem);
      }
      return String(v ?? '');
    });
    if (!k) return r.report('error', p, 'missing-field', 'matchExpressions item needs a key');
    if (!op || !OPERATORS.includes(op as SelectorOperator)) return r.report('error', [...p, 'operator'], 'invalid-operator', `operator "${op ?? ''}" is not one of ${OPERATORS.join(', ')}`);
    const operator = op as SelectorOperator;
    const needsValues = operator === 'In' || operator === 'NotIn';
    if (needsValues !== values.length > 0) return r.report('error', [...p, 'values'], 'invalid-selector', needsValues ? `operator ${operator} needs at least one value` : `operator ${operator} takes no values`);
    const bare = key(k, [...p, 'key']);
    if (bare !== undefined) matchExpressions.push({ key: bare, operator, values });
  });
  const keys = [...Object.keys(matchLabels), ...matchExpressions.map((e) => e.key)];
  const namesNamespace = keys.some((k) => k === CILIUM_NAMESPACE_LABEL || k.startsWith(CILIUM_NAMESPACE_LABELS_PREFIX));
  return { selector: { matchLabels, matchExpressions }, otherSources, namesNamespace, ...(k8sNamespace !== undefined ? { k8sNamespace } : {}) };
}
