import type { Labels, LabelSelector } from '../model/labels.js';
import { matchesRequirement } from '../select/label-selector.js';

/** The terms of a selector that `labels` fail: `needs app=api, has app=web`. */
export function selectorMisses(s: LabelSelector, labels: Labels): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(s.matchLabels)) {
    if (labels[k] === v && Object.prototype.hasOwnProperty.call(labels, k)) continue;
    out.push(Object.prototype.hasOwnProperty.call(labels, k) ? `needs ${k}=${v}, has ${k}=${labels[k]}` : `needs ${k}=${v}, has no ${k} label`);
  }
  for (const r of s.matchExpressions) {
    if (matchesRequirement(r, labels)) continue;
    const has = Object.prototype.hasOwnProperty.call(labels, r.key) ? `has ${r.key}=${labels[r.key]}` : `has no ${r.key} label`;
    switch (r.operator) {
      case 'In':
        out.push(`needs ${r.key} in (${r.values.join(',')}), ${has}`);
        break;
      case 'NotIn':
        out.push(`needs ${r.key} notin (${r.values.join(',')}), ${has}`);
        break;
      case 'Exists':
        out.push(`needs a ${r.key} label, ${has}`);
        break;
      case 'DoesNotExist':
        out.push(`needs no ${r.key} label, ${has}`);
        break;
    }
  }
  return out;
}
