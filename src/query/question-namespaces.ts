import type { Snapshot } from '../model/snapshot.js';
import type { CanQuestion } from './ask.js';
import { allCandidates } from './resolve.js';
import { parseTarget, type TargetSpec } from './target-spec.js';

/** What a question's scope is looked up in: where a name names something, as `nameIndex` keeps it. */
export interface NameLookup {
  /** `KIND/NAMESPACE` of everything named `name`. */
  named(name: string): readonly string[];
}

/**
 * The namespaces whose pods and NetworkPolicies `ask` needs to answer `q` exactly as over the
 * whole snapshot, or 'all'. With `names` 'given', before anything is read: the namespaces the
 * question gives (NS/NAME, -n), a name without one needing all; a load of those namespaces
 * answers as the whole when this function over its names stays within them. A name needs the namespaces where it names something of its kind,
 * within its namespace (NS/NAME, -n) if it gives one; where it names nothing, the question ends
 * in an error whose did-you-mean may look everywhere: all. A selector without a namespace and an address (pods
 * are found by their IPs, outside addresses cut by every policy's ipBlocks) need all. A
 * question that does not parse needs none: `ask` refuses it before looking at the snapshot.
 */
export function questionNamespaces(q: CanQuestion, names: NameLookup | 'given'): ReadonlySet<string> | 'all' {
  const src = parseTarget(q.src);
  const dst = parseTarget(q.dst);
  if (!src.ok || !dst.ok || src.port) return new Set();
  const out = new Set<string>();
  for (const [spec, scope] of [
    [src.target, q.srcNamespace ?? q.namespace],
    [dst.target, q.dstNamespace ?? q.namespace],
  ] as [TargetSpec, string | undefined][]) {
    if (spec.kind === 'address') return 'all';
    if (spec.kind === 'selector') {
      // `team/owner=x` is a selector on the key `team/owner` when there is no namespace `team`: then the scope applies.
      if (spec.namespace !== undefined) out.add(spec.namespace);
      if (scope !== undefined) out.add(scope);
      else if (spec.namespace === undefined || spec.unscoped !== undefined) return 'all';
      continue;
    }
    const namespace = spec.namespace ?? scope;
    if (names === 'given') {
      if (namespace === undefined) return 'all';
      out.add(namespace);
      continue;
    }
    const where = names
      .named(spec.name)
      .map((e) => ({ kind: e.slice(0, e.indexOf('/')), ns: e.slice(e.indexOf('/') + 1) }))
      .filter((e) => (!spec.objectKind || e.kind === spec.objectKind) && (namespace === undefined || e.ns === namespace));
    if (where.length === 0) return 'all';
    for (const e of where) out.add(e.ns);
  }
  return out;
}

/** For each name a question can give, `KIND/NAMESPACE` of everything it names (kinds and namespaces hold no slash). */
export function nameIndex(snapshot: Snapshot): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const c of allCandidates(snapshot)) {
    const entry = `${c.kind}/${c.namespace}`;
    const set = out.get(c.name);
    if (!set) out.set(c.name, new Set([entry]));
    else set.add(entry);
  }
  return new Map([...out].map(([name, set]) => [name, [...set]]));
}
