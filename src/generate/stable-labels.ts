import type { Labels } from '../model/labels.js';

/**
 * Labels a controller stamps on pods to tell revisions apart: they change with every rollout, so
 * a policy that selects by them stops matching (Deployment, StatefulSet and DaemonSet docs;
 * `batch.kubernetes.io/controller-uid` and `controller-uid` of Jobs).
 */
const VOLATILE_KEYS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-uid',
  'batch.kubernetes.io/controller-uid',
  'job-name',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/job-completion-index',
]);

/** A label whose key says it is a revision, a hash or an instance's own identity. */
export function isVolatileLabel(key: string): boolean {
  if (VOLATILE_KEYS.has(key)) return true;
  const name = key.slice(key.indexOf('/') + 1);
  return /(^|[-_.])(hash|uid|revision|generation)$/i.test(name);
}

/** The labels that identify a workload across rollouts. */
export function stableLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([k]) => !isVolatileLabel(k)));
}

/**
 * The order in which a person reaches for a key: the recommended labels
 * (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/), then the
 * conventional ones, then the rest by name.
 */
const PREFERRED = ['app.kubernetes.io/name', 'app', 'k8s-app', 'name', 'app.kubernetes.io/component', 'component', 'app.kubernetes.io/instance', 'tier', 'role', 'app.kubernetes.io/part-of', 'release'];

export function keyPreference(a: string, b: string): number {
  const ia = PREFERRED.indexOf(a);
  const ib = PREFERRED.indexOf(b);
  if (ia !== ib) return (ia < 0 ? PREFERRED.length : ia) - (ib < 0 ? PREFERRED.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}
