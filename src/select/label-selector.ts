import type { Labels, LabelSelector, SelectorRequirement } from '../model/labels.js';

export const EVERYTHING: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/** True for `{}`: a selector with no terms selects every object. */
export function isEmptySelector(s: LabelSelector): boolean {
  return Object.keys(s.matchLabels).length === 0 && s.matchExpressions.length === 0;
}

function has(labels: Labels, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

export function matchesRequirement(r: SelectorRequirement, labels: Labels): boolean {
  const present = has(labels, r.key);
  switch (r.operator) {
    case 'In':
      return present && r.values.includes(labels[r.key]!);
    case 'NotIn':
      return !present || !r.values.includes(labels[r.key]!);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
  }
}

/** `matchLabels` and `matchExpressions` are ANDed; `{}` matches everything. */
export function matchesSelector(s: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(s.matchLabels)) {
    if (!has(labels, k) || labels[k] !== v) return false;
  }
  return s.matchExpressions.every((r) => matchesRequirement(r, labels));
}

/** `app=web,tier in (a,b),!legacy` — kubectl's notation, for messages. */
export function formatSelector(s: LabelSelector): string {
  const parts = Object.entries(s.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const r of s.matchExpressions) {
    if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(',')})`);
  }
  return parts.length ? parts.join(',') : '{}';
}

/** A selector as a YAML flow mapping: `{matchLabels: {app: web}}`, for fix suggestions. */
export function selectorYaml(s: LabelSelector): string {
  const parts: string[] = [];
  const labels = Object.entries(s.matchLabels).map(([k, v]) => `${k}: ${v}`);
  if (labels.length) parts.push(`matchLabels: {${labels.join(', ')}}`);
  if (s.matchExpressions.length) {
    const exprs = s.matchExpressions.map((r) => `{key: ${r.key}, operator: ${r.operator}${r.values.length ? `, values: [${r.values.join(', ')}]` : ''}}`);
    parts.push(`matchExpressions: [${exprs.join(', ')}]`);
  }
  return `{${parts.join(', ')}}`;
}
