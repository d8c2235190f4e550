/**
 * GitHub code scanning's `security-severity` (a CVSS-like score as a string: 9.0+ critical,
 * 7.0–8.9 high, 4.0–6.9 medium, below low) for the rules whose findings leave a path open that
 * the author likely meant closed. Rules about mistakes that only close paths, or that the
 * analysis cannot decide, have none and are plain quality findings.
 */
export const SECURITY_SEVERITY: Readonly<Record<string, string>> = {
  // A rule that opens its pods to every source or destination.
  'allow-all': '7.5',
  // An ipBlock meant for outside addresses that also admits pods.
  'ipblock-covers-pod-network': '6.5',
  // A namespaceSelector and a podSelector split in two peers: a whole namespace, or every namespace's pods, let in.
  'split-namespace-pod-selector': '6.1',
  // Pods no ingress policy selects, next to pods that are protected.
  'unprotected-pods': '5.3',
  // Rules of a direction policyTypes leaves out: that direction stays open.
  'ignored-rules': '5.3',
  // Old namespace isolation that does not isolate what it seems to.
  'legacy-isolation': '5.3',
};
