import type { NameLookup } from '../query/question-namespaces.js';
import { questionNamespaces } from '../query/question-namespaces.js';
import type { Expectation } from './expectations.js';

/**
 * The namespaces whose pods and NetworkPolicies `checkExpectations` needs, or 'all': the union
 * of what each `from`/`to` line asks (as `can` would); an `onlyFrom` line looks at every pod
 * that could reach its destination, and an `isolated` line at which plugins' behaviours the
 * whole snapshot tells apart: both need all.
 */
export function expectationNamespaces(expectations: readonly Expectation[], names: NameLookup | 'given'): ReadonlySet<string> | 'all' {
  const out = new Set<string>();
  for (const e of expectations) {
    if (e.kind !== 'reach') return 'all';
    const scope = questionNamespaces({ src: e.from, dst: e.to, ...(e.fromNamespace ? { srcNamespace: e.fromNamespace } : {}), ...(e.toNamespace ? { dstNamespace: e.toNamespace } : {}) }, names);
    if (scope === 'all') return 'all';
    for (const ns of scope) out.add(ns);
  }
  return out;
}
