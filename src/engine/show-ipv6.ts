import { ReachabilityMatrix } from './matrix.js';

/**
 * The same matrix, its IPv6 ranges shown. Views hide IPv6 when a snapshot never speaks of it; two
 * views compared side by side (diff) must show the same families, or IPv6 connections that were
 * always allowed look added (or removed) when only one side mentions IPv6.
 */
export function showingIpv6(m: ReachabilityMatrix): ReachabilityMatrix {
  return m.showIpv6 ? m : new ReachabilityMatrix(m.universe, m.pool, m.rows, m.isolated, m.policies, true, m.semantics);
}

/** Both matrices, showing IPv6 if either does. */
export function sameFamilies(a: ReachabilityMatrix, b: ReachabilityMatrix): [ReachabilityMatrix, ReachabilityMatrix] {
  return a.showIpv6 === b.showIpv6 ? [a, b] : [showingIpv6(a), showingIpv6(b)];
}
