import type { Labels } from '../model/labels.js';
import type { CalicoSelector } from './calico-selector-ast.js';

/**
 * What a selector is evaluated over; it decides only `all()` and `global()`.
 *
 * - `{ scope: 'endpoints' }` (the default): a policy's `selector`, a rule's `selector` /
 *   `notSelector`, `serviceAccountSelector`. `all()` matches everything, and so does
 *   `global()` (upstream GlobalNode.Evaluate returns true; Calico's validation only allows
 *   `global()` as a whole rule `namespaceSelector`, validator.go validateEntityRule).
 * - `{ scope: 'namespaceSelector', namespaced }`: a rule's `namespaceSelector`, evaluated for
 *   one endpoint or network set. `labels` are the labels of its namespace (`{}` when it is
 *   not namespaced). Calico rewrites such a selector onto the endpoint's own labels
 *   (libcalico-go/lib/backend/syncersv1/updateprocessors/rules.go getEndpointSelector):
 *   `all()` becomes `has(projectcalico.org/namespace)`, true exactly for namespaced
 *   endpoints, and `global()` becomes `!has(projectcalico.org/namespace)`, true exactly for
 *   non-namespaced ones (host endpoints, GlobalNetworkSets).
 */
export type CalicoSelectorContext = { scope: 'endpoints' } | { scope: 'namespaceSelector'; namespaced: boolean };

const ENDPOINTS: CalicoSelectorContext = { scope: 'endpoints' };

/** Own properties only: a label named `constructor` or `__proto__` is not inherited. */
const labelOf = (labels: Labels, key: string): string | undefined => (Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined);

/**
 * Evaluates a parsed selector on a label map, operator by operator as
 * libcalico-go/lib/selector/parser/ast.go does: `==`, `contains`, `starts with`,
 * `ends with`, `in` and `has` need the label present; `!=` and `not in` are true when the
 * label is absent (reference "Selectors": "Matches resources without label 'k' or with …").
 */
export function matchesCalicoSelector(selector: CalicoSelector, labels: Labels, context: CalicoSelectorContext = ENDPOINTS): boolean {
  const test = (s: CalicoSelector): boolean => {
    switch (s.kind) {
      case 'all':
        return context.scope === 'endpoints' || context.namespaced;
      case 'global':
        return context.scope === 'endpoints' || !context.namespaced;
      case 'has':
        return labelOf(labels, s.label) !== undefined;
      case 'equals':
        return labelOf(labels, s.label) === s.value;
      case 'notEquals':
        return labelOf(labels, s.label) !== s.value;
      case 'contains':
        return labelOf(labels, s.label)?.includes(s.value) ?? false;
      case 'startsWith':
        return labelOf(labels, s.label)?.startsWith(s.value) ?? false;
      case 'endsWith':
        return labelOf(labels, s.label)?.endsWith(s.value) ?? false;
      case 'in': {
        const v = labelOf(labels, s.label);
        return v !== undefined && s.values.includes(v);
      }
      case 'notIn': {
        const v = labelOf(labels, s.label);
        return v === undefined || !s.values.includes(v);
      }
      case 'not':
        return !test(s.operand);
      case 'and':
        return s.operands.every(test);
      case 'or':
        return s.operands.some(test);
    }
  };
  return test(selector);
}
