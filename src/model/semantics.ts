import type { SourceRef } from './source.js';

/** The three NetworkPolicy API generations (../shared/spec/). */
export const API_V1 = 'networking.k8s.io/v1';
export const API_V1BETA1 = 'extensions/v1beta1';
export const API_ALPHA = 'net.alpha.kubernetes.io/v1alpha1';
export const NETWORK_POLICY_APIS = [API_V1, API_V1BETA1, API_ALPHA] as const;

/**
 * How policies are read:
 * - `v1`: networking.k8s.io/v1 semantics (Kubernetes ≥ 1.7, which also serves
 *   extensions/v1beta1 objects with these semantics): a policy isolates the pods it selects;
 * - `legacy`: Kubernetes 1.2–1.6: ingress only; a namespace annotation isolates every pod of the
 *   namespace, and policies only add allowances inside isolated namespaces.
 */
export type SemanticsMode = 'v1' | 'legacy';
export type SemanticsChoice = SemanticsMode | 'auto';

export interface Semantics {
  mode: SemanticsMode;
  /** Why this mode: forced by an option, or what in the snapshot decided it. */
  reason: string;
  /** True when the snapshot holds anything of the old generations (objects or annotations). */
  legacyContent: boolean;
}

export const ISOLATION_ANNOTATION_BETA = 'net.beta.kubernetes.io/network-policy';
export const ISOLATION_ANNOTATION_ALPHA = 'net.alpha.kubernetes.io/network-isolation';

/** A namespace's legacy ingress isolation, read from its annotation. */
export interface LegacyIsolation {
  annotation: typeof ISOLATION_ANNOTATION_BETA | typeof ISOLATION_ANNOTATION_ALPHA;
  /** DefaultDeny (beta) or `on` (alpha). */
  isolated: boolean;
  source: SourceRef;
}

export function describeSemantics(s: Semantics): string {
  return s.mode === 'legacy'
    ? `legacy (Kubernetes 1.2–1.6: namespace isolation annotations, ingress-only policies) — ${s.reason}`
    : `networking.k8s.io/v1 — ${s.reason}`;
}

/** The `semantics` field of JSON outputs. */
export type SemanticsName = typeof API_V1 | 'legacy';
export function semanticsName(s: Semantics | undefined): SemanticsName {
  return s?.mode === 'legacy' ? 'legacy' : API_V1;
}
