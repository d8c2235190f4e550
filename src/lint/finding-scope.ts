import type { Labels, LabelSelector } from '../model/labels.js';
import type { Snapshot } from '../model/snapshot.js';
import { matchesSelector } from '../select/label-selector.js';
import type { Finding } from './rule.js';

/** Which findings `lint -n NS -l SELECTOR` keeps: those on objects in the namespaces whose labels match. */
export interface FindingScope {
  namespaces?: ReadonlySet<string>;
  selector?: LabelSelector;
}

interface ObjectFacts {
  namespace?: string;
  labels?: Labels;
}

/** What each object a finding can name is: its namespace and labels (a workload: its pods'). */
function objectFacts(snapshot: Snapshot): Map<string, ObjectFacts> {
  const out = new Map<string, ObjectFacts>();
  for (const ns of snapshot.namespaces) out.set(`Namespace ${ns.name}`, { namespace: ns.name, labels: ns.labels });
  for (const p of snapshot.policies) out.set(`NetworkPolicy ${p.namespace}/${p.name}`, { namespace: p.namespace, labels: p.labels ?? {} });
  for (const pod of snapshot.pods) out.set(`Pod ${pod.id}`, { namespace: pod.namespace, labels: pod.labels });
  return out;
}

/** `Kind ns/name` → its namespace; `Kind name` (cluster-scoped) → nothing known. */
function byName(object: string): ObjectFacts {
  const namespace = /^\S+ ([^/\s]+)\//.exec(object)?.[1];
  return namespace ? { namespace } : {};
}

/**
 * The findings in scope. A finding on no object (a file that cannot be read, a YAML error) is
 * always kept: a filter must not hide broken input. An object the snapshot does not describe is
 * placed by its name (`Kind ns/name`); a cluster-scoped one is in no namespace and has no labels
 * known here, so -n or -l leaves it out.
 */
export function findingsInScope(findings: readonly Finding[], snapshot: Snapshot, scope: FindingScope): Finding[] {
  if (!scope.namespaces && !scope.selector) return [...findings];
  const facts = objectFacts(snapshot);
  return findings.filter((f) => {
    if (!f.object) return true;
    const known = facts.get(f.object) ?? byName(f.object);
    if (scope.namespaces && (known.namespace === undefined || !scope.namespaces.has(known.namespace))) return false;
    if (scope.selector && (!known.labels || !matchesSelector(scope.selector, known.labels))) return false;
    return true;
  });
}
