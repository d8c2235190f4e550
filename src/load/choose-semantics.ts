import type { Diagnostic } from '../model/diagnostic.js';
import { API_ALPHA, API_V1, API_V1BETA1, type Semantics, type SemanticsChoice } from '../model/semantics.js';
import type { Namespace } from '../model/snapshot.js';

/**
 * Decides how to read the policies. Forced by `--semantics`, or detected: a snapshot with
 * networking.k8s.io/v1 policies is a Kubernetes ≥ 1.7 cluster, where the old annotations do
 * nothing; without them, an isolation annotation or an alpha policy marks a 1.2–1.6 cluster.
 * extensions/v1beta1 policies alone are ambiguous (1.7–1.15 served them with v1 semantics): v1
 * is assumed and the reason says how to ask for the other.
 */
export function chooseSemantics(choice: SemanticsChoice, namespaces: readonly Namespace[], apiVersions: readonly string[], diagnostics: Diagnostic[]): Semantics {
  const annotated = namespaces.filter((n) => n.legacyIsolation);
  const alpha = apiVersions.filter((v) => v === API_ALPHA).length;
  const beta = apiVersions.filter((v) => v === API_V1BETA1).length;
  const v1 = apiVersions.filter((v) => v === API_V1).length;
  const legacyContent = annotated.length + alpha + beta > 0;
  if (choice !== 'auto') {
    return { mode: choice, reason: `chosen with --semantics ${choice}`, legacyContent };
  }
  const annotatedText = annotated.length ? `namespace ${annotated.slice(0, 3).map((n) => n.name).join(', ')}${annotated.length > 3 ? ', …' : ''} carr${annotated.length === 1 ? 'ies' : 'y'} ${annotated[0]!.legacyIsolation!.annotation}` : '';
  if (v1 > 0) {
    for (const ns of annotated) {
      diagnostics.push({
        severity: 'warning',
        code: 'legacy-annotation-ignored',
        message: `${ns.legacyIsolation!.annotation} has no effect next to networking.k8s.io/v1 policies (Kubernetes ≥ 1.7 ignores it); use a default-deny policy, or --semantics legacy to read the snapshot as Kubernetes 1.6 would`,
        source: ns.legacyIsolation!.source,
        object: `Namespace ${ns.name}`,
      });
    }
    return { mode: 'v1', reason: `${v1} networking.k8s.io/v1 polic${v1 === 1 ? 'y' : 'ies'} present (Kubernetes ≥ 1.7)${beta ? `; ${beta} extensions/v1beta1 read the same way` : ''}`, legacyContent };
  }
  if (annotated.length > 0 || alpha > 0) {
    return { mode: 'legacy', reason: `detected: ${annotatedText || `${alpha} ${API_ALPHA} polic${alpha === 1 ? 'y' : 'ies'}`} and no networking.k8s.io/v1 policy (--semantics v1 to override)`, legacyContent };
  }
  if (beta > 0) {
    return { mode: 'v1', reason: `extensions/v1beta1 policies read as Kubernetes 1.7–1.15 served them; --semantics legacy for a 1.5/1.6 cluster (no namespace isolation annotation found)`, legacyContent };
  }
  return { mode: 'v1', reason: 'networking.k8s.io/v1', legacyContent };
}
